/**
 * `kill <pid>` (SIGTERM) or a closed terminal (SIGHUP) would end the CLI at once, Node's default, leaving its
 * run log without the record that says how the run ended. While `handler` is installed they stop the run the
 * way Stop does instead; the command then returns and writes its log's last record.
 */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

export function onTermination(handler: () => void): () => void {
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.removeListener(signal, handler);
  };
}
