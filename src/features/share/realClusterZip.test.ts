import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { realClusterReadme, realClusterZip } from './realClusterZip';

describe('the real-cluster zip', () => {
  it('holds kind.yaml, manifests.yaml and the README, byte for byte, and the same bytes each time', () => {
    const files = { kindConfig: 'kind: Cluster\n', manifests: 'apiVersion: v1\nkind: Pod\n' };
    const zip = realClusterZip(files);
    const out = Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
    expect(out).toEqual({ 'kind.yaml': files.kindConfig, 'manifests.yaml': files.manifests, 'README.txt': realClusterReadme });
    expect(realClusterZip(files)).toEqual(zip);
    expect(realClusterReadme).toContain('kind create cluster --config kind.yaml\n  kubectl apply -f manifests.yaml');
  });
});
