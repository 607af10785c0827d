#!/usr/bin/env bash
# Makes sure /usr/bin/python3 has what the Python tier needs: Debian's PyTorch (python3-torch, 1.13)
# and python3-jsonschema (the run-log schema test), ipykernel and nbconvert (the notebook test). Installs them with apt-get when we are root, as
# setup-vscode.sh does for chromium; otherwise says what to install. Idempotent.
set -euo pipefail
python=/usr/bin/python3
need_debs=()
"$python" -c 'import torch' >/dev/null 2>&1 || need_debs+=(python3-torch)
"$python" -c 'import jsonschema' >/dev/null 2>&1 || need_debs+=(python3-jsonschema)
# A real Jupyter kernel for the notebook test (deepscope.watch in a cell).
"$python" -c 'import ipykernel' >/dev/null 2>&1 || need_debs+=(python3-ipykernel)
command -v jupyter-nbconvert >/dev/null 2>&1 || need_debs+=(jupyter-nbconvert)
if [ "${#need_debs[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-python: please install these Debian packages as root: ${need_debs[*]}" >&2
  exit 1
fi
echo "ensure-python: installing Debian packages: ${need_debs[*]} (PyTorch is large: a few minutes, once)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debs[@]}" >/dev/null
