/**
 * `duration.HumanDuration` from k8s.io/apimachinery `pkg/util/duration/duration.go`: the AGE column and the
 * ages in describe output, and the UI's "synced 3s ago" on a node's kube-proxy badge (one format for both). Go
 * truncates every division toward zero, which `Math.trunc` reproduces.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Formats a duration in milliseconds the way kubectl prints ages (`45s`, `3m20s`, `6d2h`, `2y30d`). */
export function humanDuration(ms: number): string {
  // a deviation of less than 2 seconds is tolerated as clock skew and reads as "now"
  const seconds = Math.trunc(ms / second);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / minute);
  if (minutes < 10) {
    const s = Math.trunc(ms / second) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / hour);
  if (hours < 8) {
    const m = Math.trunc(ms / minute) % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}
