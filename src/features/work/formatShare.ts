/** A share (0..1) as a percentage a person can read: whole percents, or two significant digits below 1%. */
export function formatShare(fraction: number): string {
  const pct = Math.max(0, Math.min(1, fraction)) * 100;
  if (pct === 0) return '0%';
  if (pct >= 1) return `${Math.floor(pct)}%`;
  return `${Number(pct.toPrecision(2))}%`;
}
