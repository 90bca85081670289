import { describe, expect, it } from 'vitest';
import { endpointHash, hashPrefix, portProtoHash, sha256 } from './chainHash';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('chain hashes', () => {
  it('computes SHA-256 (FIPS 180-4 test vectors)', () => {
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  // Names from kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go (TestOverallIPTablesRules) and the
  // kube-dns / kubernetes Services every kubeadm cluster has.
  it.each([
    ['default/kubernetes:https', 'tcp', 'NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'JD5MR3NA4I4DYORP'],
    ['ns1/svc1:p80', 'tcp', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'TCP', 'GNZBNJ2PO5MGZ6GT'],
    ['ns5/svc5:p80', 'tcp', 'NUKIZ6OKUXPJNT4C'],
  ])('KUBE-SVC hash of %s/%s is %s', (name, proto, hash) => {
    expect(portProtoHash(name, proto)).toBe(hash);
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'SXIVWICOYRO3J4NJ'],
    ['ns4/svc4:p80', '10.180.0.4:80', 'UKSFD7AGPMPPLUHC'],
    ['ns4/svc4:p80', '10.180.0.5:80', 'C6EBXVWJJZMIWKLZ'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'I77PXRDZVX7PMWMN'],
  ])('KUBE-SEP hash of %s -> %s is %s', (name, ep, hash) => {
    expect(endpointHash(name, 'tcp', ep)).toBe(hash);
  });

  // pkg/proxy/nftables/proxier_test.go: service-LAUZTJTB-ns4/svc4/tcp/p80
  it('gives the nftables 8-character hash', () => {
    expect(hashPrefix('ns4/svc4/tcp/p80', 8)).toBe('LAUZTJTB');
    expect(hashPrefix('ns3/svc3/tcp/p80', 8)).toBe('4AT6LBPK');
  });
});
