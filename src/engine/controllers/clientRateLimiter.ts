/**
 * The client-side rate limit of a controller's API client. kube-controller-manager talks to the apiserver
 * with `--kube-api-qps` 20 and `--kube-api-burst` 30 (kubernetes/kubernetes
 * pkg/controller/apis/config/v1alpha1/defaults.go, ClientConnection defaults), and every controller gets its
 * own clientset from the client builder (`ClientOrDie(<controller name>)`,
 * k8s.io/controller-manager/pkg/clientbuilder/client_builder.go), whose REST client builds its own
 * `flowcontrol.NewTokenBucketRateLimiter(qps, burst)` when the config carries none (client-go rest/config.go).
 * So the limit is per controller, not shared. The bucket starts full and refills continuously, like
 * golang.org/x/time/rate; a request without a token waits for one (`Limiter.Wait`), here on the virtual clock.
 */

/** `--kube-api-qps` default of kube-controller-manager. */
export const controllerManagerQps = 20;
/** `--kube-api-burst` default of kube-controller-manager. */
export const controllerManagerBurst = 30;

/** A token bucket on virtual time. Tokens are counted in thousandths so a qps of 20 refills exactly every 50 ms. */
export class TokenBucket {
  private milliTokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    private readonly burst: number,
    now: number,
  ) {
    this.milliTokens = burst * 1000;
    this.last = now;
  }

  /** Takes a token and returns 0, or takes nothing and returns how many ms until one is there. */
  take(now: number): number {
    this.refill(now);
    if (this.milliTokens >= 1000) {
      this.milliTokens -= 1000;
      return 0;
    }
    return Math.ceil((1000 - this.milliTokens) / this.qps);
  }

  /** How many ms until `n` tokens (at most the burst) are there; 0 when they are. */
  msUntil(n: number, now: number): number {
    this.refill(now);
    const need = Math.min(n, this.burst) * 1000 - this.milliTokens;
    return need <= 0 ? 0 : Math.ceil(need / this.qps);
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.milliTokens = Math.min(this.burst * 1000, this.milliTokens + (now - this.last) * this.qps);
    this.last = now;
  }
}

import type { WaitingLine } from '../clock';

/**
 * Runs `work` (a generator that yields right before each API request) through `bucket`: requests with a token
 * go at once; once the bucket is empty the rest wait on the clock, as goroutines blocked in `Limiter.Wait`.
 * They resume a second's worth of tokens at a time (qps requests at once, each second) rather than one every
 * 1/qps s: the same rate and the same second in every timestamp, for one reconcile per second instead of one
 * per request. Returns the generator's result when it finished now, or `pending` when it continues later (then
 * `later` gets the result). Every request waiting on `bucket` waits in `line`.
 */
export function throttled<T>(
  clock: { now(): number },
  line: WaitingLine,
  bucket: TokenBucket,
  label: string,
  work: Generator<void, T, void>,
  later: (result: T) => void,
): { done: true; value: T } | { done: false } {
  const step = (r: IteratorResult<void, T>): { done: true; value: T } | { done: false } => {
    while (!r.done) {
      if (bucket.take(clock.now()) > 0) {
        const waitMs = bucket.msUntil(bucket.qps, clock.now());
        line.schedule(waitMs, label, () => {
          const out = step({ done: false, value: undefined });
          if (out.done) later(out.value);
        });
        // The bucket stays empty for the rest of this instant (nothing refills it before time moves), so the
        // waiters due now right behind this one would each just wait again for the same time: the line does
        // that for them, in their order, without running thousands of wake-ups per second of a big settle.
        line.deferDue(waitMs);
        return { done: false };
      }
      r = work.next();
    }
    return { done: true, value: r.value };
  };
  return step(work.next());
}
