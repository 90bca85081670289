import { describe, expect, it } from 'vitest';
import type { Event, Kind, KubeObject, Node, Pod, Service } from '../api/types';
import { escapeFieldValue, parseFieldRequirements, parseFieldSelector, unescapeFieldValue } from './fieldSelector';

const sel = (kind: Kind, text: string) => {
  const r = parseFieldSelector(kind, text);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
};
const err = (kind: Kind, text: string) => {
  const r = parseFieldSelector(kind, text);
  return r.ok ? `parsed: ${r.selector.toString()}` : r.error;
};

const pod = (name: string, extra: Partial<Pod> = {}): Pod => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [], nodeName: 'kind-worker', restartPolicy: 'Always', schedulerName: 'default-scheduler' },
  status: { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }] },
  ...extra,
});

describe('parseFieldRequirements (apimachinery pkg/fields/selector.go)', () => {
  it('parses =, == and != with comma AND, terms sorted as text', () => {
    const r = parseFieldRequirements('status.phase!=Failed,metadata.name==x,spec.nodeName=n');
    expect(r.ok && r.requirements).toEqual([
      { field: 'metadata.name', operator: '=', value: 'x' },
      { field: 'spec.nodeName', operator: '=', value: 'n' },
      { field: 'status.phase', operator: '!=', value: 'Failed' },
    ]);
  });

  it('handles escapes and empty terms', () => {
    const r = parseFieldRequirements('a=x\\,y\\=z\\\\,,b=');
    expect(r.ok && r.requirements).toEqual([
      { field: 'a', operator: '=', value: 'x,y=z\\' },
      { field: 'b', operator: '=', value: '' },
    ]);
    expect(parseFieldRequirements('').ok).toBe(true);
  });

  it.each([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=b,foo', "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    // the first operator wins, the rest of the value must then be escaped; Go prints the rune as a number
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('%j → %s', (text, want) => {
    const r = parseFieldRequirements(text);
    expect(r.ok ? 'ok' : r.error).toBe(want);
  });

  it('escapes and unescapes values', () => {
    expect(escapeFieldValue('a,b=c\\')).toBe('a\\,b\\=c\\\\');
    const u = unescapeFieldValue('a\\,b\\=c\\\\');
    expect(u.ok && u.value).toBe('a,b=c\\');
  });
});

describe('parseFieldSelector: per-kind field labels', () => {
  it.each([
    // pkg/apis/core/v1/conversion.go
    ['Pod', 'spec.foo=x', 'field label not supported: spec.foo'],
    ['Pod', 'status.phase = Running', 'field label not supported: status.phase '],
    ['Node', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['Namespace', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['Service', 'spec.selector=x', 'field label not supported: spec.selector'],
    ['Event', 'message=x', 'field label not supported: message'],
    // kinds without a conversion func: runtime.DefaultMetaV1FieldSelectorConversion
    ['Deployment', 'status.replicas=1', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['ReplicaSet', 'spec.replicas=1', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['Endpoints', 'subsets=1', '"subsets" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['EndpointSlice', 'addressType=IPv4', '"addressType" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    // the first unsupported label in sorted order is reported
    ['Pod', 'zzz=1,aaa=1', 'field label not supported: aaa'],
  ] as [Kind, string, string][])('%s %j → %s', (kind, text, want) => {
    expect(err(kind, text)).toBe(want);
  });

  it('accepts every documented label', () => {
    for (const f of ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName']) {
      expect(parseFieldSelector('Pod', `${f}=x`).ok).toBe(true);
    }
    for (const f of ['spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName']) {
      expect(parseFieldSelector('Pod', `${f}=x`).ok).toBe(true);
    }
    expect(parseFieldSelector('Node', 'spec.unschedulable=true').ok).toBe(true);
    expect(parseFieldSelector('Namespace', 'status.phase=Active').ok).toBe(true);
    expect(parseFieldSelector('Service', 'spec.type=NodePort,spec.clusterIP=None').ok).toBe(true);
    for (const f of ['involvedObject.kind', 'involvedObject.uid', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type']) {
      expect(parseFieldSelector('Event', `${f}=x`).ok).toBe(true);
    }
    expect(parseFieldSelector('Deployment', 'metadata.name=web').ok).toBe(true);
  });

  it('renames spec.host to spec.nodeName for old clients', () => {
    expect(sel('Pod', 'spec.host=kind-worker').toString()).toBe('spec.nodeName=kind-worker');
  });
});

describe('matching', () => {
  it('matches pods on their selectable fields', () => {
    const p = pod('web-1');
    expect(sel('Pod', 'spec.nodeName=kind-worker').matches(p)).toBe(true);
    expect(sel('Pod', 'spec.nodeName!=kind-worker').matches(p)).toBe(false);
    expect(sel('Pod', 'status.phase=Running,metadata.namespace=default').matches(p)).toBe(true);
    expect(sel('Pod', 'status.podIP=10.244.1.5').matches(p)).toBe(true);
    expect(sel('Pod', 'spec.hostNetwork=false').matches(p)).toBe(true);
    expect(sel('Pod', 'spec.hostNetwork=true').matches(pod('h', { spec: { containers: [], hostNetwork: true } }))).toBe(true);
    // status.podIPs is accepted but not exposed: it always reads ""
    expect(sel('Pod', 'status.podIPs=').matches(p)).toBe(true);
    expect(sel('Pod', 'status.podIPs=10.244.1.5').matches(p)).toBe(false);
    // an unscheduled pod has spec.nodeName ""
    expect(sel('Pod', 'spec.nodeName=').matches(pod('pending', { spec: { containers: [] } }))).toBe(true);
  });

  it('matches nodes, services and events', () => {
    const node: Node = { metadata: { name: 'kind-worker' }, spec: { unschedulable: true } };
    expect(sel('Node', 'spec.unschedulable=true').matches(node)).toBe(true);
    expect(sel('Node', 'spec.unschedulable=false').matches({ metadata: { name: 'n' } } as KubeObject)).toBe(true);
    const svc: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', clusterIP: '10.96.1.2' } };
    expect(sel('Service', 'spec.type=NodePort').matches(svc)).toBe(true);
    const ev = {
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web-1' },
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      type: 'Normal',
    } as Event;
    // source falls back to reportingComponent when source.component is empty
    expect(sel('Event', 'involvedObject.kind=Pod,involvedObject.name=web-1,source=default-scheduler').matches(ev)).toBe(true);
  });

  it('prints the canonical form with escaped values and reports exact matches', () => {
    const s = sel('Pod', 'metadata.name=a\\,b,status.phase!=Failed');
    expect(s.toString()).toBe('metadata.name=a\\,b,status.phase!=Failed');
    expect(s.requiresExactMatch('metadata.name')).toBe('a,b');
    expect(s.requiresExactMatch('status.phase')).toBeUndefined();
    expect(sel('Pod', '').empty).toBe(true);
  });
});
