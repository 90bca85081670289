import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { endpointState, hasReadyEndpoint, receivesNewConnections } from './endpointSelection';

const ep = (conditions: Endpoint['conditions'], addresses = ['10.244.1.5']): Endpoint => ({ addresses, conditions });
const slice = (...endpoints: Endpoint[]): EndpointSlice => ({ addressType: 'IPv4', endpoints });

// kubernetes/kubernetes pkg/proxy/topology.go CategorizeEndpoints: Ready endpoints, else serving+terminating ones.
describe('receivesNewConnections', () => {
  it('reads absent conditions with the API defaults (ready, serving, not terminating)', () => {
    expect(endpointState(ep(undefined))).toEqual({ ready: true, serving: true, terminating: false });
    expect(endpointState(ep({ ready: false }))).toEqual({ ready: false, serving: true, terminating: false });
  });

  it('sends new connections only to Ready endpoints while any is Ready', () => {
    const ready = ep({ ready: true, serving: true, terminating: false });
    const notReady = ep({ ready: false, serving: false, terminating: false });
    const draining = ep({ ready: false, serving: true, terminating: true });
    const has = hasReadyEndpoint([slice(ready), slice(notReady, draining)]);
    expect(has).toBe(true);
    expect([ready, notReady, draining].map((e) => receivesNewConnections(e, has))).toEqual([true, false, false]);
  });

  it('falls back to serving terminating endpoints when no endpoint is Ready', () => {
    const draining = ep({ ready: false, serving: true, terminating: true });
    const failing = ep({ ready: false, serving: false, terminating: true });
    const notReady = ep({ ready: false, serving: false, terminating: false });
    const has = hasReadyEndpoint([slice(draining, failing, notReady)]);
    expect(has).toBe(false);
    expect([draining, failing, notReady].map((e) => receivesNewConnections(e, has))).toEqual([true, false, false]);
  });

  it('ignores endpoints without an address', () => {
    const empty = ep({ ready: true }, []);
    expect(hasReadyEndpoint([slice(empty)])).toBe(false);
    expect(receivesNewConnections(empty, true)).toBe(false);
  });
});
