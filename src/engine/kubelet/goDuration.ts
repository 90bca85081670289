/**
 * Go's `time.Duration.String()` for the durations the kubelet prints in events and messages
 * (`Successfully pulled image "nginx" in 2.345s`, `back-off 5m0s restarting failed container=...`).
 */

/** Formats a duration given in milliseconds the way Go prints a `time.Duration` of the same length. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  if (rest < 1000) {
    // sub-second durations use the largest unit that keeps an integer part: ms, µs
    if (rest >= 1) return `${neg ? '-' : ''}${trimFraction(rest)}ms`;
    return `${neg ? '-' : ''}${trimFraction(rest * 1000)}µs`;
  }
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = trimFraction(rest / 1000);
  let out = '';
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  out += `${seconds}s`;
  return (neg ? '-' : '') + out;
}

/** Go drops trailing zeros of the fraction (`2.5s`, not `2.500s`). */
function trimFraction(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const fixed = v.toFixed(6);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--;
  if (fixed.charCodeAt(end - 1) === 46) end--;
  return fixed.slice(0, end);
}
