/**
 * go-cmp's edit-script algorithm (`cmp/internal/diff/diff.go`): a greedy meet-in-the-middle walk of the edit
 * graph that favours speed over a minimal script. go-cmp starts forward or backward at random per process;
 * this port always starts forward (go-cmp's deterministic mode).
 */

export type EditType = 'identity' | 'uniqueX' | 'uniqueY' | 'modified';

/** A comparison result: counts of equal and different leaves below the two elements. */
export interface Result {
  numSame: number;
  numDiff: number;
}

/** `diff.BoolResult`: equal counts as one same leaf, unequal as two different ones (never similar). */
export const boolResult = (b: boolean): Result => (b ? { numSame: 1, numDiff: 0 } : { numSame: 0, numDiff: 2 });
const isEqual = (r: Result) => r.numDiff === 0;
/** Binary comparisons count as similar; otherwise at least about as many equal leaves as different ones. */
const isSimilar = (r: Result) => r.numSame + 1 >= r.numDiff;

interface Path {
  dir: 1 | -1;
  x: number;
  y: number;
  es: EditType[];
}

function append(p: Path, t: EditType): void {
  p.es.push(t);
  if (t === 'identity' || t === 'modified') {
    p.x += p.dir;
    p.y += p.dir;
  } else if (t === 'uniqueX') p.x += p.dir;
  else p.y += p.dir;
}

function connect(p: Path, dstX: number, dstY: number, f: (ix: number, iy: number) => Result): void {
  if (p.dir > 0) {
    while (dstX > p.x && dstY > p.y) {
      const r = f(p.x, p.y);
      if (isEqual(r)) append(p, 'identity');
      else if (isSimilar(r)) append(p, 'modified');
      else if (dstX - p.x >= dstY - p.y) append(p, 'uniqueX');
      else append(p, 'uniqueY');
    }
    while (dstX > p.x) append(p, 'uniqueX');
    while (dstY > p.y) append(p, 'uniqueY');
  } else {
    while (p.x > dstX && p.y > dstY) {
      const r = f(p.x - 1, p.y - 1);
      if (isEqual(r)) append(p, 'identity');
      else if (isSimilar(r)) append(p, 'modified');
      else if (p.y - dstY >= p.x - dstX) append(p, 'uniqueY');
      else append(p, 'uniqueX');
    }
    while (p.x > dstX) append(p, 'uniqueX');
    while (p.y > dstY) append(p, 'uniqueY');
  }
}

/** [0 1 2 3 4 ...] → [0 -1 +1 -2 +2 ...] */
function zigzag(x: number): number {
  return x & 1 ? ~(x >> 1) : x >> 1;
}

/** `diff.Difference`: an edit script turning list X (length nx) into list Y (length ny). */
export function difference(nx: number, ny: number, f: (ix: number, iy: number) => Result): EditType[] {
  const fwd: Path = { dir: 1, x: 0, y: 0, es: [] };
  const rev: Path = { dir: -1, x: nx, y: ny, es: [] };
  let fwdFrontier = { x: 0, y: 0 };
  let revFrontier = { x: nx, y: ny };
  let budget = 4 * (nx + ny);

  for (let forward = true; ; forward = !forward) {
    if (fwdFrontier.x >= revFrontier.x || fwdFrontier.y >= revFrontier.y || budget === 0) break;
    if (forward) {
      for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && budget > 0; i++) {
        const z = zigzag(i);
        const px = fwdFrontier.x + z;
        const py = fwdFrontier.y - z;
        if (px >= rev.x || py < fwd.y) stop1 = true;
        else if (py >= rev.y || px < fwd.x) stop2 = true;
        else if (isEqual(f(px, py))) {
          connect(fwd, px, py, f);
          append(fwd, 'identity');
          while (fwd.x < rev.x && fwd.y < rev.y && isEqual(f(fwd.x, fwd.y))) append(fwd, 'identity');
          fwdFrontier = { x: fwd.x, y: fwd.y };
          stop1 = true;
          stop2 = true;
        } else budget--;
      }
      if (rev.x - fwdFrontier.x >= rev.y - fwdFrontier.y) fwdFrontier.x++;
      else fwdFrontier.y++;
    } else {
      for (let stop1 = false, stop2 = false, i = 0; !(stop1 && stop2) && budget > 0; i++) {
        const z = zigzag(i);
        const px = revFrontier.x - z;
        const py = revFrontier.y + z;
        if (fwd.x >= px || rev.y < py) stop1 = true;
        else if (fwd.y >= py || rev.x < px) stop2 = true;
        else if (isEqual(f(px - 1, py - 1))) {
          connect(rev, px, py, f);
          append(rev, 'identity');
          while (fwd.x < rev.x && fwd.y < rev.y && isEqual(f(rev.x - 1, rev.y - 1))) append(rev, 'identity');
          revFrontier = { x: rev.x, y: rev.y };
          stop1 = true;
          stop2 = true;
        } else budget--;
      }
      if (revFrontier.x - fwd.x >= revFrontier.y - fwd.y) revFrontier.x--;
      else revFrontier.y--;
    }
  }
  connect(fwd, rev.x, rev.y, f);
  for (let i = rev.es.length - 1; i >= 0; i--) append(fwd, rev.es[i]);
  return fwd.es;
}
