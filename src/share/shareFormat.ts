/**
 * The share link's format number and the caps that bound the work an untrusted link can cause: more than 64 KB
 * of fragment is refused before decoding, and inflating stops as soon as the output passes 1 MiB.
 */
export const shareFormatVersion = 1;
export const maxEncodedChars = 64 * 1024;
export const maxDecodedBytes = 1024 * 1024;
/**
 * A free-form session's link carries its first graph (graphSnapshot.ts) only while the whole link stays this
 * short: a big cluster's link goes without it (an embed of it then draws once the engine has replayed it).
 */
export const maxLinkCharsWithGraph = 16 * 1024;
