/**
 * Time formatting shared by tables and describe: `translateTimestampSince` (printers.go / describe.go) and Go's
 * `time.RFC1123Z` layout used by describe for Start Time, CreationTimestamp and container states. The simulated
 * kubectl runs in UTC, so the zone is always `+0000`.
 */
import { parseTimestamp } from '../../engine';
import { humanDuration } from '../../shared/humanDuration';

/** Age of an RFC 3339 timestamp at virtual time `now`; `<unknown>` for a missing (zero) timestamp. */
export function translateTimestampSince(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = parseTimestamp(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `Mon, 05 Jan 2026 09:00:00 +0000` (Go `time.RFC1123Z`); a zero time prints Go's zero date. */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  const t = timestamp ? parseTimestamp(timestamp) : Number.NaN;
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  // a Date built from a fixed instant is deterministic; only `new Date()` reads the wall clock
  const d = new Date(t);
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}
