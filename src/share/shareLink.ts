/**
 * The share-link codec: state → `#s=1.<base64url(deflate-raw(JSON))>` and back. The version prefix lets a later
 * format be told apart; the caps bound the work an untrusted link can cause: more than 64 KB of fragment is
 * refused before decoding, and inflating stops as soon as the output passes 1 MiB (a deflate bomb never
 * materialises). The decoded JSON is data only, checked field by field; nothing in it is executed.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import { checkShareState, type ShareState } from './shareState';

export const shareFormatVersion = 1;
export const maxEncodedChars = 64 * 1024;
export const maxDecodedBytes = 1024 * 1024;

/** Why a link was refused, as data: the UI words it in the user's language (the English is `error`). */
export type ShareLinkProblem =
  | { code: 'tooLong'; values: { kb: number } }
  | { code: 'notShare'; values: Record<string, never> }
  | { code: 'newer'; values: { version: number; reads: number } }
  | { code: 'unsupported'; values: { version: number } }
  | { code: 'notBase64'; values: Record<string, never> }
  | { code: 'unreadable'; values: Record<string, never> }
  | { code: 'invalid'; values: { what: string } }
  | { code: 'noInflate'; values: Record<string, never> }
  | { code: 'tooBig'; values: { mib: number } };

export type DecodeResult = { ok: true; state: ShareState } | { ok: false; error: string; problem: ShareLinkProblem };
type Failure = Extract<DecodeResult, { ok: false }>;

const none: Record<string, never> = {};

/** The fragment (without `#`) for a state. */
export function encodeShareFragment(state: ShareState): string {
  const bytes = deflateSync(strToU8(JSON.stringify(state)), { level: 9 });
  return `s=${shareFormatVersion}.${toBase64Url(bytes)}`;
}

/** True when a location hash is a share link (the caller then decodes it, and shows its error if any). */
export function isShareFragment(hash: string): boolean {
  return /^#?s=/.test(hash);
}

/** Reads a location hash (`#s=1.…`); errors are sentences for the learner. */
export function decodeShareFragment(hash: string): DecodeResult {
  const fragment = hash.replace(/^#/, '');
  if (fragment.length > maxEncodedChars)
    return { ok: false, error: `This link is too long (over ${maxEncodedChars / 1024} KB); it was not opened.`, problem: { code: 'tooLong', values: { kb: maxEncodedChars / 1024 } } };
  const m = /^s=(\d+)\.(.*)$/s.exec(fragment);
  if (!m) return { ok: false, error: 'This link is not a svcsim share link (it should start with #s=1.).', problem: { code: 'notShare', values: none } };
  const version = Number(m[1]);
  if (version > shareFormatVersion) {
    const problem = { code: 'newer', values: { version, reads: shareFormatVersion } } as const;
    return { ok: false, error: `This link was made by a newer svcsim (format ${version}; this one reads format ${shareFormatVersion}).`, problem };
  }
  if (version !== shareFormatVersion) return { ok: false, error: `This link's format ${version} is not supported.`, problem: { code: 'unsupported', values: { version } } };
  const bytes = fromBase64Url(m[2]);
  if (!bytes || bytes.length === 0) return { ok: false, error: 'This link is damaged (it is not valid base64url); was it cut short when copied?', problem: { code: 'notBase64', values: none } };
  const inflated = inflateCapped(bytes);
  if (!inflated.ok) return inflated;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(inflated.bytes));
  } catch {
    return { ok: false, error: 'This link is damaged (its content is not readable); was it cut short when copied?', problem: { code: 'unreadable', values: none } };
  }
  const checked = checkShareState(json);
  return checked.ok ? checked : { ok: false, error: `This link is damaged: ${checked.error}.`, problem: { code: 'invalid', values: { what: checked.error } } };
}

function inflateCapped(bytes: Uint8Array): { ok: true; bytes: Uint8Array } | Failure {
  const parts: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxDecodedBytes) tooBig = true;
    else parts.push(chunk);
  });
  try {
    // small pushes: each can expand at most ~1000×, so the cap is checked long before memory is at risk
    for (let i = 0; i < bytes.length && !tooBig; i += 256) inflater.push(bytes.subarray(i, i + 256), i + 256 >= bytes.length);
  } catch {
    return { ok: false, error: 'This link is damaged (it does not decompress); was it cut short when copied?', problem: { code: 'noInflate', values: none } };
  }
  if (tooBig)
    return { ok: false, error: `This link's content is larger than ${maxDecodedBytes / 1024 / 1024} MiB; it was not opened.`, problem: { code: 'tooBig', values: { mib: maxDecodedBytes / 1024 / 1024 } } };
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}
