/**
 * The last instant the simulated cluster can reach. Every timestamp Kubernetes writes is a metav1.Time,
 * serialised as RFC 3339 (kubernetes/apimachinery pkg/apis/meta/v1/time.go), whose year has exactly four
 * digits: past 9999-12-31T23:59:59Z no object could be written. An advance that would cross it is refused
 * before anything moves.
 */
import { formatTimestamp } from './clock';

/** 9999-12-31T23:59:59Z in ms since the Unix epoch. */
export const lastTimestampMs = 253_402_300_799_000;

/**
 * Why advancing `ms` from `now` is refused, or undefined when it is allowed. `what` names the request the
 * way the user typed it (`sleep 1000000000h`, `--timeout=...`).
 */
export function advanceRefusal(now: number, ms: number, what: string): string | undefined {
  if (!(ms > lastTimestampMs - now)) return undefined;
  return `${what} would move the clock past ${formatTimestamp(lastTimestampMs)}, the last instant a Kubernetes timestamp can hold (RFC 3339 has four-digit years); it is now ${formatTimestamp(now)}`;
}

/** Thrown by `Cluster.advance`/`runUntil` when asked to cross {@link lastTimestampMs}; callers check first. */
export class TimeLimitError extends Error {}
