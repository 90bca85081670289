/**
 * The first graph a free-form session's link carries: the cluster objects the canvas draws, as the sender's page
 * had them, cut down to the fields the canvas, its badges and the Inspector's first look read. An embed that opens
 * such a link draws it at once, while the engine it needs to replay the commands is still loading (issue 10 §3:
 * an embed's first graph must not wait for ~270 kB of engine); the replay then replaces it with the same cluster.
 *
 * The snapshot comes from an untrusted link, so it is read through the same projection that made it: every field
 * is checked against the shape Kubernetes gives it, anything else is dropped, and a field of the wrong type makes
 * the whole snapshot invalid. Nothing in it is executed; text is only ever rendered as text. The sender leaves out
 * the namespaces the canvas hides (`drawnObjects` in src/state/clusterSlice.ts): the link stays short, and the
 * engine's replay brings them.
 */

/**
 * A field's type: a scalar, a map of strings, an array of one shape, or an object of named fields. A field
 * named with a trailing `!` must be there (the canvas reads it without a fallback, as the engine always sets it).
 */
type Shape = 'string' | 'number' | 'boolean' | 'intOrString' | 'stringMap' | readonly [Shape] | { readonly [field: string]: Shape };

// No uids, resource versions or creation times: nothing the canvas draws reads them (and random uids would be
// most of a link's length); the reader gives every object an empty uid until the engine's own replaces it
const ownerReference: Shape = { kind: 'string', name: 'string', controller: 'boolean' };
const metadata: Shape = {
  'name!': 'string',
  generateName: 'string',
  namespace: 'string',
  deletionTimestamp: 'string',
  labels: 'stringMap',
  ownerReferences: [ownerReference],
};
const condition: Shape = { type: 'string', status: 'string', reason: 'string' };
const containerPort: Shape = { name: 'string', containerPort: 'number', protocol: 'string' };
const container: Shape = { name: 'string', image: 'string', ports: [containerPort] };
const podTemplate: Shape = { metadata: { labels: 'stringMap' }, spec: { containers: [container] } };
const labelSelector: Shape = { matchLabels: 'stringMap' };
const objectReference: Shape = { kind: 'string', name: 'string', namespace: 'string' };
const workloadStatus: Shape = { replicas: 'number', readyReplicas: 'number', updatedReplicas: 'number', availableReplicas: 'number' };

/** Per kind, what the first graph needs of it (Events, and the Endpoints the EndpointSlices mirror, are left out). */
const kinds: Readonly<Record<string, Shape>> = {
  Namespace: { status: { phase: 'string' } },
  Node: {
    spec: { podCIDR: 'string', unschedulable: 'boolean', taints: [{ key: 'string', value: 'string', effect: 'string' }] },
    status: { addresses: [{ type: 'string', address: 'string' }], conditions: [condition] },
  },
  Pod: {
    spec: { nodeName: 'string', hostNetwork: 'boolean', containers: [container] },
    status: {
      phase: 'string',
      podIP: 'string',
      podIPs: [{ ip: 'string' }],
      hostIP: 'string',
      conditions: [condition],
      containerStatuses: [{ name: 'string', ready: 'boolean', started: 'boolean', restartCount: 'number' }],
    },
    'view!': { 'status!': 'string', 'ready!': 'string', 'podReady!': 'boolean', 'restarts!': 'number' },
  },
  Deployment: { spec: { replicas: 'number', selector: labelSelector, strategy: { type: 'string' }, template: podTemplate }, status: workloadStatus },
  ReplicaSet: { spec: { replicas: 'number', selector: labelSelector, template: podTemplate }, status: workloadStatus },
  Service: {
    spec: {
      type: 'string',
      clusterIP: 'string',
      clusterIPs: ['string'],
      externalName: 'string',
      externalIPs: ['string'],
      externalTrafficPolicy: 'string',
      internalTrafficPolicy: 'string',
      sessionAffinity: 'string',
      selector: 'stringMap',
      ports: [{ name: 'string', protocol: 'string', port: 'number', targetPort: 'intOrString', nodePort: 'number' }],
    },
    status: { loadBalancer: { ingress: [{ ip: 'string', hostname: 'string' }] } },
  },
  EndpointSlice: {
    addressType: 'string',
    endpoints: [
      {
        'addresses!': ['string'],
        conditions: { ready: 'boolean', serving: 'boolean', terminating: 'boolean' },
        nodeName: 'string',
        targetRef: objectReference,
      },
    ],
    ports: [{ name: 'string', port: 'number', protocol: 'string' }],
    proxyView: { serviceHasReady: 'boolean', newConnections: ['boolean'] },
  },
};

/** Bounds on what a link's snapshot may hold (a link is capped at 1 MiB decoded anyway). */
const maxObjects = 5000;
const maxText = 1000;
const maxItems = 1000;

class Invalid extends Error {}

function project(v: unknown, shape: Shape): unknown {
  if (shape === 'string') {
    if (typeof v !== 'string' || v.length > maxText) throw new Invalid();
    return v;
  }
  if (shape === 'number') {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Invalid();
    return v;
  }
  if (shape === 'boolean') {
    if (typeof v !== 'boolean') throw new Invalid();
    return v;
  }
  if (shape === 'intOrString') return project(v, typeof v === 'number' ? 'number' : 'string');
  if (shape === 'stringMap') {
    if (!isPlainObject(v) || Object.keys(v).length > maxItems) throw new Invalid();
    const out: Record<string, string> = {};
    for (const [k, s] of Object.entries(v)) {
      if (k.length > maxText || typeof s !== 'string' || s.length > maxText) throw new Invalid();
      out[k] = s;
    }
    return out;
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(v) || v.length > maxItems) throw new Invalid();
    return v.map((item) => project(item, shape[0]));
  }
  if (!isPlainObject(v)) throw new Invalid();
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(shape as Record<string, Shape>)) {
    const required = key.endsWith('!');
    const field = required ? key.slice(0, -1) : key;
    // own fields only: a link's JSON could name `__proto__` or `constructor`, never read through the prototype
    if (!Object.hasOwn(v, field) || v[field] === undefined || v[field] === null) {
      if (required) throw new Invalid();
      continue;
    }
    out[field] = project(v[field], sub);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A cluster object as the snapshot keeps it: `kind`, `apiVersion`, `metadata` and its kind's fields (a read one has an empty uid). */
export interface SnapshotObject {
  apiVersion?: string;
  kind: string;
  metadata: { name: string; uid: string; resourceVersion: string; namespace?: string } & Record<string, unknown>;
  [field: string]: unknown;
}

export interface GraphSnapshot {
  /** The cluster's virtual time, ms since the epoch. */
  time: number;
  objects: SnapshotObject[];
}

/** One object cut down to its kind's shape; undefined for a kind the snapshot leaves out (Events). Throws Invalid. */
function projectObject(o: unknown): SnapshotObject | undefined {
  if (!isPlainObject(o) || typeof o.kind !== 'string') throw new Invalid();
  const shape = kinds[o.kind];
  if (!Object.hasOwn(kinds, o.kind) || !shape) return undefined;
  const meta = project(o.metadata, metadata) as Omit<SnapshotObject['metadata'], 'uid' | 'resourceVersion'>;
  if (!meta.name) throw new Invalid();
  const fields = project(o, shape) as Record<string, unknown>;
  return {
    ...(typeof o.apiVersion === 'string' && o.apiVersion.length < 100 ? { apiVersion: o.apiVersion } : {}),
    kind: o.kind,
    ...fields,
    metadata: meta as SnapshotObject['metadata'],
  };
}

/**
 * The snapshot of what a page mirrors (the sender's side): every object cut down, Events left out; undefined
 * when an object would not pass the reader's check (a label longer than it allows): the link then goes without.
 */
export function graphSnapshot(objects: Iterable<unknown>, time: number): GraphSnapshot | undefined {
  const kept: SnapshotObject[] = [];
  try {
    for (const o of objects) {
      const p = projectObject(o);
      if (p) kept.push(p);
    }
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
  return kept.length <= maxObjects ? { time, objects: kept } : undefined;
}

/** A link's snapshot, checked and cut down the same way; undefined when anything in it is not what it should be. */
export function checkGraphSnapshot(v: unknown): GraphSnapshot | undefined {
  if (!isPlainObject(v) || typeof v.time !== 'number' || !Number.isFinite(v.time) || !Array.isArray(v.objects) || v.objects.length > maxObjects) return undefined;
  try {
    const objects: SnapshotObject[] = [];
    for (const o of v.objects) {
      const p = projectObject(o);
      if (!p) throw new Invalid();
      // what the mirror needs of every object, not carried (see `metadata` above)
      objects.push({ ...p, metadata: { ...p.metadata, uid: '', resourceVersion: '0' } });
    }
    return { time: v.time, objects };
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}
