import { randomBytes } from 'node:crypto';
import { typedArraysAsArrays } from './plainJson';

/** A crypto-random nonce for a Content-Security-Policy `script-src 'nonce-…'`. */
export function randomNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * JSON that can sit inside a `<script type="application/json">` element: `<` is escaped so no
 * value can close the element, and typed arrays become plain arrays.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value, typedArraysAsArrays)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
