/**
 * The apiserver's 3 MiB request-body limit (staging/src/k8s.io/apiserver/pkg/server/config.go
 * `MaxRequestBodyBytes`; 413 `Request entity too large: limit is 3145728` from
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go `limitedReadBody`).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import type { Pod } from '../api/types';
import { jsonBodyBytes, maxRequestBodyBytes, yamlTextExceedsRequestBody } from './requestSize';

function podWithNote(bytes: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'big', namespace: 'default' },
    // annotations have their own 256 KiB limit; container args have none
    spec: { containers: [{ name: 'c', image: 'nginx', args: ['x'.repeat(bytes)] }] },
  };
}

describe('request body size', () => {
  it('measures the JSON body in UTF-8 bytes', () => {
    expect(jsonBodyBytes({ a: 'é€😀' })).toBe(`{"a":""}`.length + 2 + 3 + 4);
  });

  it('refuses a create over 3 MiB with the apiserver 413 Status, and keeps nothing', () => {
    const cluster = new Cluster({ seed: 1 });
    const r = cluster.create('Pod', podWithNote(maxRequestBodyBytes));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status.code).toBe(413);
      expect(r.status.reason).toBe('RequestEntityTooLarge');
      expect(r.status.message).toBe('Request entity too large: limit is 3145728');
    }
    expect(cluster.store.get('Pod', 'default/big')).toBeUndefined();
  });

  it('counts the last-applied annotation of apply: 2 MiB creates, but does not apply', () => {
    const cluster = new Cluster({ seed: 1 });
    const applied = cluster.apply('Pod', podWithNote(2 * 1024 * 1024));
    expect(applied.ok).toBe(false);
    if (!applied.ok) expect(applied.status.message).toBe('Request entity too large: limit is 3145728');
    expect(cluster.create('Pod', podWithNote(2 * 1024 * 1024)).ok).toBe(true);
  });

  it('counts it in the editor\'s sliced apply too (applyUnsettled), which is the same request', () => {
    const cluster = new Cluster({ seed: 1 });
    const applied = cluster.applyUnsettled('Pod', podWithNote(2 * 1024 * 1024));
    expect(applied.ok ? 'applied' : applied.status.message).toBe('Request entity too large: limit is 3145728');
    expect(cluster.store.get('Pod', 'default/big')).toBeUndefined();
  });

  it('tells from the text alone that a YAML document cannot fit, ignoring indentation and comment lines', () => {
    const indented = `data:\n${'  # a comment line that is not sent\n'.repeat(100_000)}  k: v\n`;
    expect(indented.length).toBeGreaterThan(maxRequestBodyBytes);
    expect(yamlTextExceedsRequestBody(indented)).toBe(false);
    expect(yamlTextExceedsRequestBody(`data:\n  k: ${'y'.repeat(maxRequestBodyBytes)}\n`)).toBe(true);
  });
});
