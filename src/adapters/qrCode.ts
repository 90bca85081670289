/**
 * QR codes through `uqr` (one adapter per library): the module matrix only, which the Share dialog draws as SVG
 * rectangles itself, so no library-made markup is ever injected. Loaded lazily, when the dialog opens.
 */
import { encode } from 'uqr';

/** The dark modules of the code for `text`, row by row, with a 4-module quiet border. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'L', border: 4 }).data;
}
