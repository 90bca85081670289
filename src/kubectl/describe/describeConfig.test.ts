/**
 * `kubectl describe cm` and `describe secret` as kubectl v0.34.0 prints them (kubernetes/kubectl
 * pkg/describe/describe.go `ConfigMapDescriber`: each data key, a `----` rule, its value, a blank line, then
 * `BinaryData` with `key: N bytes`, then Events; `describeSecret`: `Type:` after a blank line, `Data` with
 * `key:  N bytes` for each sorted key (a service-account token's `token` shown in clear), and no Events).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { Secret } from '../../engine/api/types';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import { describeSecret } from './describeConfig';

function session(files: Record<string, string> = {}) {
  const cluster = createCluster({ seed: 7 });
  cluster.advance(30_000);
  return (line: string) => {
    const r = runKubectl({ cluster, readFile: (p) => files[p] }, splitCommandLine(line));
    expect(r.stderr).toBe('');
    return r.stdout;
  };
}

const binaryCm = `apiVersion: v1
kind: ConfigMap
metadata: {name: mixed}
data:
  b.txt: "tab\\there"
binaryData:
  z.bin: AAE=
  a.bin: AAECAw==
`;

const dbSecret = `apiVersion: v1
kind: Secret
metadata:
  name: db
  labels: {tier: db, app: shop}
  annotations: {owner: team-a}
stringData:
  username: admin
  password: "s3cr3t!!"
  connection-string: postgres://admin@db:5432/shop
`;

describe('describe ConfigMap', () => {
  it("describes kube-proxy's ConfigMap: each data key under a rule, then BinaryData and Events", () => {
    const out = session()('describe cm kube-proxy -n kube-system');
    expect(out.split('\n').slice(0, 4)).toEqual(['Name:         kube-proxy', 'Namespace:    kube-system', 'Labels:       app=kube-proxy', 'Annotations:  <none>']);
    expect(out).toContain('\nData\n====\nconfig.conf:\n----\napiVersion: kubeproxy.config.k8s.io/v1alpha1\n');
    expect(out).toContain('\nmode: iptables\n');
    expect(out).toContain('\nkubeconfig.conf:\n----\napiVersion: v1\nkind: Config\n');
    expect(out).toMatch(/\n\nBinaryData\n====\n\nEvents: {2}<none>\n$/);
  });

  it('sizes binaryData by its decoded bytes, keys sorted, and runs data values through the tabwriter', () => {
    const k = session({ 'cm.yaml': binaryCm });
    k('create -f cm.yaml');
    expect(k('describe configmap mixed')).toBe(
      [
        'Name:         mixed',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'b.txt:',
        '----',
        'tab  here',
        '',
        '',
        'BinaryData',
        '====',
        'a.bin: 4 bytes',
        'z.bin: 2 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('describe Secret', () => {
  it('prints the type and each key with its size, never a value, and no Events section', () => {
    const k = session({ 's.yaml': dbSecret });
    k('create -f s.yaml');
    expect(k('describe secret db')).toBe(
      [
        'Name:         db',
        'Namespace:    default',
        'Labels:       app=shop',
        '              tier=db',
        'Annotations:  owner: team-a',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'connection-string:  29 bytes',
        'password:           8 bytes',
        'username:           5 bytes',
        '',
      ].join('\n'),
    );
  });

  it('shows an empty Data section for a Secret without keys', () => {
    const k = session();
    k('create secret generic empty --type=example.com/empty');
    expect(k('describe secrets empty')).toBe('Name:         empty\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  example.com/empty\n\nData\n====\n');
  });

  it("shows a service-account token's token in clear, as describeSecret does, and sizes the other keys", () => {
    const secret: Secret = {
      metadata: { name: 'build-robot', namespace: 'ci', annotations: { 'kubernetes.io/service-account.name': 'build-robot' } },
      type: 'kubernetes.io/service-account-token',
      data: { token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSXM=', namespace: 'Y2k=' },
    };
    expect(describeSecret(secret).split('\n').slice(4)).toEqual(['', 'Type:  kubernetes.io/service-account-token', '', 'Data', '====', 'namespace:  2 bytes', 'token:      eyJhbGciOiJSUzI1NiIs', '']);
  });
});
