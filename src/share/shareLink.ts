/**
 * The share-link encoder: state → `#s=1.<base64url(deflate-raw(JSON))>` (fflate's deflate: the Share dialog
 * writes links synchronously). Reading a link is `shareLinkDecode.ts`, which needs no library: an embed that
 * opens a link does not fetch this one.
 */
import { deflateSync, strToU8 } from 'fflate';
import { toBase64Url } from './base64url';
import { shareFormatVersion } from './shareFormat';
import type { ShareState } from './shareState';

export { maxDecodedBytes, maxEncodedChars, maxLinkCharsWithGraph, shareFormatVersion } from './shareFormat';
export { graphSnapshot } from './graphSnapshot';

/** The fragment (without `#`) for a state. */
export function encodeShareFragment(state: ShareState): string {
  const bytes = deflateSync(strToU8(JSON.stringify(state)), { level: 9 });
  return `s=${shareFormatVersion}.${toBase64Url(bytes)}`;
}

/** True when a location hash is a share link (the caller then decodes it, and shows its error if any). */
export function isShareFragment(hash: string): boolean {
  return /^#?s=/.test(hash);
}
