/**
 * Reads a share link (`#s=1.<base64url(deflate-raw(JSON))>`, see shareLink.ts). The version prefix tells a later
 * format apart; the caps (shareFormat.ts) bound the work an untrusted link can cause: a fragment over 64 KB is
 * refused before decoding, and inflating stops as soon as the output passes 1 MiB, so a deflate bomb never
 * materialises. The decoded JSON is data only, checked field by field; nothing in it is executed.
 *
 * Inflating uses the platform's DecompressionStream ('deflate-raw': browsers since 2022, Node 20): no library to
 * fetch before an embedded link's first graph.
 */
import { fromBase64Url } from './base64url';
import { maxDecodedBytes, maxEncodedChars, shareFormatVersion } from './shareFormat';
import { checkShareState, type ShareState } from './shareState';

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

/** Reads a location hash (`#s=1.…`); errors are sentences for the learner. */
export async function decodeShareFragment(hash: string): Promise<DecodeResult> {
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
  const inflated = await inflateCapped(bytes);
  if (!inflated.ok) return inflated;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(inflated.bytes));
  } catch {
    return { ok: false, error: 'This link is damaged (its content is not readable); was it cut short when copied?', problem: { code: 'unreadable', values: none } };
  }
  const checked = checkShareState(json);
  return checked.ok ? checked : { ok: false, error: `This link is damaged: ${checked.error}.`, problem: { code: 'invalid', values: { what: checked.error } } };
}

/** Small pieces of input: each can expand at most ~1000×, so the cap is checked long before memory is at risk. */
const pieceBytes = 256;

async function inflateCapped(bytes: Uint8Array): Promise<{ ok: true; bytes: Uint8Array } | Failure> {
  const damaged: Failure = { ok: false, error: 'This link is damaged (it does not decompress); was it cut short when copied?', problem: { code: 'noInflate', values: none } };
  let offset = 0;
  // the input is pulled a piece at a time as the output is read (the stream's backpressure)
  const input = new ReadableStream<BufferSource>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + pieceBytes));
      offset += pieceBytes;
    },
  });
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = input.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  } catch {
    return damaged;
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxDecodedBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, error: `This link's content is larger than ${maxDecodedBytes / 1024 / 1024} MiB; it was not opened.`, problem: { code: 'tooBig', values: { mib: maxDecodedBytes / 1024 / 1024 } } };
      }
      parts.push(value);
    }
  } catch {
    return damaged;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}
