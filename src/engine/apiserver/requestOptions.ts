/**
 * The options of the simulated apiserver's requests (kubernetes/apimachinery `pkg/apis/meta/v1` `ListOptions`,
 * `DeleteOptions`, `CreateOptions`' dryRun), and what a list or a watch hands back.
 */

export interface DeleteOptions {
  /** Seconds; 0 deletes at once. Undefined uses the object's own default (30 s for pods). */
  gracePeriodSeconds?: number;
  /** `Background` (default), `Foreground` or `Orphan`. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WatchOptions extends ListOptions {
  /** Start after this resourceVersion ("0" or empty: send the current objects as ADDED first). */
  resourceVersion?: string;
}

export interface WatchHandle {
  stop(): void;
}

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

/** Who is writing: users get full admission; controllers may use the status subresource. */
export interface WriteOptions {
  dryRun?: boolean;
  /**
   * The engine's own components only: the caller built this object for this one request and will never
   * change it (nor anything in it it may still reach), so the apiserver keeps it instead of copying it first.
   * Admission is unchanged. What it shares with stored objects must be left as is by defaulting, which only
   * fills fields that are missing (stored objects were defaulted already). Requests from users (Cluster
   * create/update/patch/apply, kubectl) are always copied.
   */
  handOver?: boolean;
}
