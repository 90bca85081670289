/**
 * A registry strategy decides, for one kind, what the apiserver's generic create/update/delete does with an
 * object: defaulting, validation, what a status update may touch, whether deletion is graceful. It mirrors
 * `rest.RESTCreateStrategy` / `RESTUpdateStrategy` / `RESTDeleteStrategy` in Kubernetes' registry packages.
 */
import type { FieldError } from '../api/fieldErrors';
import type { ApiStatus } from '../api/status';
import type { Kind, KindMap } from '../api/types';
import type { ClusterConfig } from '../config';
import type { ObjectStore } from '../store/objectStore';
import type { Prng } from '../../shared/prng';
import type { AdmissionCaches } from './admissionCaches';

/** What a strategy may read while admitting an object. */
export interface AdmissionContext {
  store: ObjectStore;
  config: ClusterConfig;
  rand: Prng;
  /** Current virtual time (ms since the epoch). */
  now: number;
  /** What the apiserver keeps between requests (validated pieces, allocators). */
  caches: AdmissionCaches;
}

/** The outcome of an allocation step: an error stops the write; `rollback` undoes the reservation. */
export type Allocation = { ok: true; commit?: () => void; rollback?: () => void } | { ok: false; status: ApiStatus };

export interface Strategy<K extends Kind> {
  kind: K;
  /** Kinds with a status subresource: a main-resource update keeps the stored status; a status update keeps spec. */
  hasStatus: boolean;
  /** Whether `metadata.generation` tracks spec changes for this kind. */
  tracksGeneration: boolean;
  /**
   * Whether an update bumps `metadata.generation` (kinds that track it). Defaults to "the spec changed";
   * Deployments also count annotation changes, as their strategy's PrepareForUpdate does.
   */
  bumpsGeneration?(obj: KindMap[K], old: KindMap[K]): boolean;
  /** `SetDefaults_<Kind>`: fills defaulted fields in place on a private copy. */
  applyDefaults(obj: KindMap[K], ctx: AdmissionContext): void;
  /** Clears what a client may not set on create (status, for most kinds). */
  prepareForCreate?(obj: KindMap[K], ctx: AdmissionContext): void;
  /** Validation on create (`Validate<Kind>`), metadata included. */
  validate(obj: KindMap[K], ctx: AdmissionContext): FieldError[];
  /**
   * `prepareForUpdate` and `applyDefaults` change nothing but the spec on an update (Pods): an update whose spec
   * equals the stored one keeps the stored spec and skips both (see the apiserver's `keepStoredSpec`).
   */
  specOnlyUpdateDefaults?: boolean;
  /** Copies what an update may not change from the old object (status, allocated fields...). */
  prepareForUpdate?(obj: KindMap[K], old: KindMap[K], ctx: AdmissionContext): void;
  /** Validation on update (`Validate<Kind>Update`). */
  validateUpdate(obj: KindMap[K], old: KindMap[K], ctx: AdmissionContext): FieldError[];
  /** Pods only: validation of a write to the `ephemeralcontainers` subresource. */
  validateEphemeralContainersUpdate?(obj: KindMap[K], old: KindMap[K], ctx: AdmissionContext): FieldError[];
  /**
   * Whether what the engine's own components hand over (`WriteOptions.handOver`) is valid by construction, so
   * the apiserver skips validating it: only kinds whose engine-built objects take every name and value from
   * objects already validated (a Pod from its validated template under a generated name, Endpoints and
   * EndpointSlices from a Service and its pods). Kinds the engine fills with a user's text can come out
   * invalid and stay validated: a ReplicaSet named `<deployment>-<hash>` can exceed 253 characters, an
   * events.k8s.io Event's note 1024.
   */
  trustsHandOver?: boolean;
  /** Resource allocation after validation (ClusterIPs, NodePorts). */
  allocateOnCreate?(obj: KindMap[K], ctx: AdmissionContext): Allocation;
  allocateOnUpdate?(obj: KindMap[K], old: KindMap[K], ctx: AdmissionContext): Allocation;
  /** Releases what the object held once it is gone. */
  release?(obj: KindMap[K], ctx: AdmissionContext): void;
  /**
   * Grace period for a delete request: a number of seconds for graceful deletion, or 0 to delete at once.
   * Kinds without graceful deletion leave this undefined.
   */
  gracePeriod?(obj: KindMap[K], requested: number | undefined): number;
}
