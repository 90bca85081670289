/**
 * The virtual clock and its discrete-event queue. Nothing in the engine reads wall time: container starts,
 * probe periods, grace periods and load-balancer provisioning are timers on this queue, and time moves only
 * when the cluster is asked to advance.
 */
export interface TimerHandle {
  cancel(): void;
  readonly at: number;
}

/**
 * A timer is its own handle: one object per timer, and no closure made per timer for `cancel` (the CLI and the
 * benchmarks run under tsx, whose esbuild keeps function names by wrapping each closure as it is made).
 */
class Timer implements TimerHandle {
  cancelled = false;
  constructor(
    public at: number,
    /** When it was set. */
    public setAt: number,
    public seq: number,
    readonly fn: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * Timers that all wait the same fixed delay are due in the order they were set, so they need no heap: a
 * FIFO keeps them (tens of thousands of one-hour Event TTLs cost nothing to add). They still take their
 * place in the one (time, seq) order of all timers.
 */
export interface FixedDelayTimers {
  schedule(label: string, fn: () => void): TimerHandle;
}

/**
 * Timers of requests waiting in line for one client rate limiter (see `controllers/clientRateLimiter.ts`). A
 * waiter that runs while the limiter has no token only sets itself again, so the line can do that for the
 * waiters due at once behind it without running each (`deferDue`), in exactly the order and at exactly the
 * time running them would. A line's times never decrease in the order set (the instant a limiter has its
 * tokens back only moves later as tokens are taken), so a FIFO keeps it sorted like a fixed-delay lane.
 */
export interface WaitingLine {
  /** Runs `fn` at `now() + delayMs` (a time earlier than the line's last one goes to the general queue). */
  schedule(delayMs: number, label: string, fn: () => void): void;
  /**
   * Sets the timers of this line that are due now and would run next, before any other timer due now, again
   * at `now() + delayMs`, each as if it had run and set itself again. Returns how many it moved.
   */
  deferDue(delayMs: number): number;
}

interface Lane {
  /** Fixed-delay lanes: the delay of every timer; waiting lines: unused. */
  delayMs: number;
  timers: Timer[];
  head: number;
}

export class VirtualClock {
  private nowMs: number;
  private seq = 0;
  private heap: Timer[] = [];
  private lanes: Lane[] = [];
  /** Where the timer `earliest()` last returned lives: a lane, or the heap when undefined. */
  private earliestLane: Lane | undefined;
  /** The timer whose callback is running, if any. */
  private running: Timer | undefined;

  /** @param startMs virtual wall time (ms since the Unix epoch) at which the cluster starts. */
  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  /** Current virtual time in ms since the Unix epoch. */
  now(): number {
    return this.nowMs;
  }

  /** The second `lastStamp` spells, so that all the objects stamped within one second share one string. */
  private lastStampSecond = Number.NaN;
  private lastStamp = '';

  /** {@link formatTimestamp} of now: thousands of objects get the same second while a cluster settles. */
  timestamp(): string {
    const second = Math.floor(this.nowMs / 1000);
    if (second !== this.lastStampSecond) {
      this.lastStampSecond = second;
      this.lastStamp = formatTimestamp(this.nowMs);
    }
    return this.lastStamp;
  }

  /**
   * Runs `fn` when virtual time reaches `now() + delayMs`. Timers due at the same instant run in the order they
   * were set. `label` says at the call site what the timer is for; it is not kept (tens of thousands of pending
   * timers kept their labels' strings alive for nothing: nothing reads them).
   */
  schedule(delayMs: number, _label: string, fn: () => void): TimerHandle {
    const timer = new Timer(this.nowMs + Math.max(0, delayMs), this.nowMs, this.seq++, fn);
    this.push(timer);
    return timer;
  }

  /** A queue for timers that all run `delayMs` after they are set (see {@link FixedDelayTimers}). */
  fixedDelay(delayMs: number): FixedDelayTimers {
    const lane: Lane = { delayMs: Math.max(0, delayMs), timers: [], head: 0 };
    this.lanes.push(lane);
    return {
      schedule: (_label, fn) => {
        const timer = new Timer(this.nowMs + lane.delayMs, this.nowMs, this.seq++, fn);
        lane.timers.push(timer);
        return timer;
      },
    };
  }

  /** A line of timers for requests waiting on one rate limiter (see {@link WaitingLine}). */
  waitingLine(): WaitingLine {
    const lane: Lane = { delayMs: 0, timers: [], head: 0 };
    this.lanes.push(lane);
    const last = () => (lane.head < lane.timers.length ? lane.timers[lane.timers.length - 1] : undefined);
    return {
      schedule: (delayMs, _label, fn) => {
        const timer = new Timer(this.nowMs + Math.max(0, delayMs), this.nowMs, this.seq++, fn);
        const tail = last();
        if (tail && timer.at < tail.at) this.push(timer);
        else lane.timers.push(timer);
      },
      deferDue: (delayMs) => {
        const at = this.nowMs + Math.max(0, delayMs);
        const other = this.earliestOutside(lane);
        let moved = 0;
        while (lane.head < lane.timers.length) {
          const t = lane.timers[lane.head];
          if (t.at > this.nowMs || (other && !this.less(t, other))) break;
          const tail = last();
          if (tail && at < tail.at) break;
          this.shift(lane);
          t.at = at;
          t.setAt = this.nowMs;
          t.seq = this.seq++;
          lane.timers.push(t);
          moved++;
        }
        return moved;
      },
    };
  }

  /** The time of the earliest pending timer, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.earliest()?.at;
  }

  /** Runs one timer due at or before now; returns false when none is due. */
  runOneDue(): boolean {
    const next = this.earliest();
    if (!next || next.at > this.nowMs) return false;
    if (this.earliestLane) this.shift(this.earliestLane);
    else this.pop();
    this.running = next;
    try {
      next.fn();
    } finally {
      this.running = undefined;
    }
    return true;
  }

  /**
   * When the timer now running was set (undefined outside timer callbacks). Work that skips its own timers
   * uses it to tell whether a timer it would have set was due before or after this one at the same instant.
   */
  runningTimerSetAt(): number | undefined {
    return this.running?.setAt;
  }

  /** Moves time forward to `t` (never backwards). Callers run the timers due before each step. */
  setNow(t: number): void {
    if (t > this.nowMs) this.nowMs = t;
  }

  pendingCount(): number {
    let n = this.heap.filter((t) => !t.cancelled).length;
    for (const lane of this.lanes) for (let i = lane.head; i < lane.timers.length; i++) if (!lane.timers[i].cancelled) n++;
    return n;
  }

  /** The next timer to run (cancelled ones dropped), from the heap or the head of `earliestLane`. */
  private earliest(): Timer | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    let best: Timer | undefined = this.heap[0];
    let bestLane: Lane | undefined;
    for (const lane of this.lanes) {
      while (lane.head < lane.timers.length && lane.timers[lane.head].cancelled) this.shift(lane);
      const t = lane.timers[lane.head];
      if (t && (!best || this.less(t, best))) {
        best = t;
        bestLane = lane;
      }
    }
    this.earliestLane = bestLane;
    return best;
  }

  /** The next timer to run that is not in `lane` (cancelled ones dropped). */
  private earliestOutside(lane: Lane): Timer | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    let best: Timer | undefined = this.heap[0];
    for (const other of this.lanes) {
      if (other === lane) continue;
      while (other.head < other.timers.length && other.timers[other.head].cancelled) this.shift(other);
      const t = other.timers[other.head];
      if (t && (!best || this.less(t, best))) best = t;
    }
    return best;
  }

  private shift(lane: Lane): void {
    lane.timers[lane.head] = undefined as unknown as Timer;
    lane.head++;
    // compact once the consumed front outweighs what is left
    if (lane.head > 1024 && lane.head * 2 > lane.timers.length) {
      lane.timers = lane.timers.slice(lane.head);
      lane.head = 0;
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/** RFC 3339 UTC timestamp with second precision, the way metav1.Time serialises (`2026-01-01T00:00:00Z`). */
export function formatTimestamp(ms: number): string {
  // Every write stamps one or more times: built from integer fields, without the objects isoDate makes.
  const days = Math.floor(ms / 86400000);
  const secs = Math.floor((ms - days * 86400000) / 1000);
  const ymd = civilDay(days);
  const year = Math.floor(ymd / 10000);
  const yearText = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  const hour = Math.floor(secs / 3600);
  const minute = Math.floor((secs % 3600) / 60);
  return [yearText, '-', twoDigits[Math.floor(ymd / 100) % 100], '-', twoDigits[ymd % 100], 'T', twoDigits[hour], ':', twoDigits[minute], ':', twoDigits[secs % 60], 'Z'].join('');
}

/** `00` … `99`. */
const twoDigits: readonly string[] = Object.freeze(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')));

/** Civil date of a day number since the epoch, packed as year × 10000 + month × 100 + day (no allocation). */
function civilDay(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 10000 + month * 100 + day;
}

/** RFC 3339 with nanoseconds and trailing zeros dropped, as used by `endpoints.kubernetes.io/last-change-trigger-time`. */
export function formatMicroTimestamp(ms: number): string {
  const iso = isoDate(ms);
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/** metav1.MicroTime as JSON: RFC 3339 with exactly six fractional digits (`RFC3339Micro`). */
export function formatRfc3339Micro(ms: number): string {
  return [isoDate(ms).slice(0, 23), '000Z'].join('');
}

/** Parses an RFC 3339 timestamp back to ms; NaN when it is not one. */
export function parseTimestamp(text: string): number {
  // the second-precision form every stored timestamp has, read digit by digit; anything else takes the regex
  if (text.length === 20) {
    const fast = parseSecondTimestamp(text);
    if (!Number.isNaN(fast)) return fast;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) return Number.NaN;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return ((days * 24 + Number(m[4])) * 60 + Number(m[5])) * 60000 + Number(m[6]) * 1000 + ms;
}

/** `YYYY-MM-DDTHH:MM:SSZ` to ms, or NaN when `text` does not have exactly that shape. */
function parseSecondTimestamp(text: string): number {
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== 'Z') return Number.NaN;
  const days = daysFromCivil(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
  return ((days * 24 + digitsAt(text, 11, 2)) * 60 + digitsAt(text, 14, 2)) * 60000 + digitsAt(text, 17, 2) * 1000;
}

/** The decimal number of `count` digits at `from`, NaN if one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

/** A virtual instant broken into UTC calendar fields (month 1–12). */
export interface CivilTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * Howard Hinnant's civil-from-days: the engine formats times itself instead of constructing a Date (which the
 * lint rules keep out of the engine).
 */
export function civilTime(ms: number): CivilTime {
  const days = Math.floor(ms / 86400000);
  const rem = ms - days * 86400000;
  const date = civilDay(days);
  return {
    year: Math.floor(date / 10000),
    month: Math.floor(date / 100) % 100,
    day: date % 100,
    hour: Math.floor(rem / 3600000),
    minute: Math.floor((rem % 3600000) / 60000),
    second: Math.floor((rem % 60000) / 1000),
    millisecond: rem % 1000,
  };
}

function isoDate(ms: number): string {
  const t = civilTime(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.millisecond, 3)}`;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
