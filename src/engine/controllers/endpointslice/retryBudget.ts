/**
 * `handleErr` of the endpoint controllers: a failed sync is retried with the queue's backoff, but after
 * `maxRetries` failures in a row the key is dropped (until the next change queues it again), so a Service
 * that cannot be reconciled does not keep the virtual clock busy forever.
 */
import type { ClusterLog } from '../../clusterLog';

/** `maxRetries` of the endpoint and endpointslice controllers. */
export const maxSyncRetries = 15;

/** Wraps a sync function with the retry budget; the result is a Controller's `sync`. */
export function withRetryBudget(component: string, log: ClusterLog, sync: (key: string) => string | undefined): (key: string) => string | undefined {
  const failures = new Map<string, number>();
  return (key) => {
    const err = sync(key);
    if (err === undefined) {
      failures.delete(key);
      return undefined;
    }
    const n = (failures.get(key) ?? 0) + 1;
    if (n > maxSyncRetries) {
      failures.delete(key);
      log.write(component, `dropping service ${key} out of the queue: ${err}`, `Service/${key}`);
      return undefined;
    }
    failures.set(key, n);
    return err;
  };
}
