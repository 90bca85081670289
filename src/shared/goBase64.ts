/**
 * Base64 as Go's `encoding/base64` StdEncoding has it (the standard alphabet, `=` padding, newlines skipped
 * when decoding), which is how encoding/json reads and writes a `[]byte` field: a Secret's `data`, a
 * ConfigMap's `binaryData`. A decoding error names the byte offset as Go's `CorruptInputError` does
 * (`illegal base64 data at input byte 4`), because the apiserver's decode error quotes it.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43) return 62;
  if (c === 47) return 63;
  return -1;
}

/** StdEncoding.EncodeToString. */
export function encodeBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out.push(alphabet[(n >> 18) & 63], alphabet[(n >> 12) & 63]);
    out.push(i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=', i + 2 < bytes.length ? alphabet[n & 63] : '=');
  }
  return out.join('');
}

/** The UTF-8 bytes of `text`, base64-encoded (what `[]byte(text)` marshals to). */
export function encodeBase64Text(text: string): string {
  return encodeBase64(new TextEncoder().encode(text));
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const corrupt = (at: number): Base64Result => ({ ok: false, error: `illegal base64 data at input byte ${at}` });
const isNewline = (c: number) => c === 10 || c === 13;

/** StdEncoding.DecodeString, quantum by quantum as Go's `decodeQuantum` reads its input. */
export function decodeBase64(src: string): Base64Result {
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const buf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { ok: true, bytes: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const c = src.charCodeAt(si++);
      const v = sextet(c);
      if (v >= 0) {
        buf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61) return corrupt(si - 1);
      // padding: only after two or three sextets, "==" after two
      if (j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src.charCodeAt(si))) si++;
        if (si === src.length) return corrupt(src.length);
        if (src.charCodeAt(si) !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src.charCodeAt(si))) si++;
      if (si < src.length) return corrupt(si);
      dlen = j;
      break;
    }
    const n = (buf[0] << 18) | (buf[1] << 12) | (buf[2] << 6) | buf[3];
    if (dlen >= 2) out.push((n >> 16) & 255);
    if (dlen >= 3) out.push((n >> 8) & 255);
    if (dlen === 4) out.push(n & 255);
    while (si < src.length && isNewline(src.charCodeAt(si))) si++;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** The decoded bytes as text (invalid UTF-8 replaced, as a terminal would show it); undefined when not base64. */
export function decodeBase64Text(src: string): string | undefined {
  const r = decodeBase64(src);
  return r.ok ? new TextDecoder().decode(r.bytes) : undefined;
}

/** How many bytes `src` decodes to (0 when it does not decode: the decode step has refused it before). */
export function decodedLength(src: string): number {
  const r = decodeBase64(src);
  return r.ok ? r.bytes.length : 0;
}
