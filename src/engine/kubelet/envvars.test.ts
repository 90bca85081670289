import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import { fromServices, serviceEnvVarMap } from './envvars';

function svc(name: string, ip: string, ports: Array<{ name?: string; port: number; protocol?: string }>, namespace = 'default'): Service {
  return { metadata: { name, namespace }, spec: { clusterIP: ip, ports: ports.map((p) => ({ ...p })) } } as Service;
}

const asLines = (vars: Array<{ name: string; value: string }>) => vars.map((v) => `${v.name}=${v.value}`);

// Expected values from pkg/kubelet/envvars/envvars_test.go (kubernetes/kubernetes).
describe('fromServices', () => {
  it('matches envvars_test.go for foo-bar, abc-123, q-u-u-x and skips headless / empty IPs', () => {
    const got = fromServices([
      svc('foo-bar', '1.2.3.4', [{ port: 8080, protocol: 'TCP' }]),
      svc('abc-123', '5.6.7.8', [
        { name: 'u-d-p', port: 8081, protocol: 'UDP' },
        { name: 't-c-p', port: 8081, protocol: 'TCP' },
      ]),
      svc('q-u-u-x', '9.8.7.6', [{ port: 8082, protocol: 'TCP' }, { name: '8083', port: 8083, protocol: 'TCP' }]),
      svc('svrc-clusterip-none', 'None', [{ port: 8082, protocol: 'TCP' }]),
      svc('svrc-clusterip-empty', '', [{ port: 8082, protocol: 'TCP' }]),
    ]);
    expect(asLines(got)).toEqual([
      'FOO_BAR_SERVICE_HOST=1.2.3.4',
      'FOO_BAR_SERVICE_PORT=8080',
      'FOO_BAR_PORT=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP=tcp://1.2.3.4:8080',
      'FOO_BAR_PORT_8080_TCP_PROTO=tcp',
      'FOO_BAR_PORT_8080_TCP_PORT=8080',
      'FOO_BAR_PORT_8080_TCP_ADDR=1.2.3.4',
      'ABC_123_SERVICE_HOST=5.6.7.8',
      'ABC_123_SERVICE_PORT=8081',
      'ABC_123_SERVICE_PORT_U_D_P=8081',
      'ABC_123_SERVICE_PORT_T_C_P=8081',
      'ABC_123_PORT=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP=udp://5.6.7.8:8081',
      'ABC_123_PORT_8081_UDP_PROTO=udp',
      'ABC_123_PORT_8081_UDP_PORT=8081',
      'ABC_123_PORT_8081_UDP_ADDR=5.6.7.8',
      'ABC_123_PORT_8081_TCP=tcp://5.6.7.8:8081',
      'ABC_123_PORT_8081_TCP_PROTO=tcp',
      'ABC_123_PORT_8081_TCP_PORT=8081',
      'ABC_123_PORT_8081_TCP_ADDR=5.6.7.8',
      'Q_U_U_X_SERVICE_HOST=9.8.7.6',
      'Q_U_U_X_SERVICE_PORT=8082',
      'Q_U_U_X_SERVICE_PORT_8083=8083',
      'Q_U_U_X_PORT=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP=tcp://9.8.7.6:8082',
      'Q_U_U_X_PORT_8082_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8082_TCP_PORT=8082',
      'Q_U_U_X_PORT_8082_TCP_ADDR=9.8.7.6',
      'Q_U_U_X_PORT_8083_TCP=tcp://9.8.7.6:8083',
      'Q_U_U_X_PORT_8083_TCP_PROTO=tcp',
      'Q_U_U_X_PORT_8083_TCP_PORT=8083',
      'Q_U_U_X_PORT_8083_TCP_ADDR=9.8.7.6',
    ]);
  });
});

describe('serviceEnvVarMap (getServiceEnvVarMap)', () => {
  const services = [
    svc('kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP' }]),
    svc('alpaca-prod', '10.99.141.81', [{ port: 8000, protocol: 'TCP' }]),
    svc('other', '10.96.5.5', [{ port: 80, protocol: 'TCP' }], 'team-a'),
    svc('kubernetes', '10.96.9.9', [{ port: 80, protocol: 'TCP' }], 'team-b'),
  ];
  const lister = {
    list: (ns: string) => services.filter((s) => s.metadata?.namespace === ns),
    get: (ns: string, name: string) => services.find((s) => s.metadata?.namespace === ns && s.metadata?.name === name),
  };

  it('always includes default/kubernetes, even without service links', () => {
    const m = serviceEnvVarMap(lister, 'team-a', false);
    expect(m.get('KUBERNETES_SERVICE_HOST')).toBe('10.96.0.1');
    expect(m.get('KUBERNETES_SERVICE_PORT_HTTPS')).toBe('443');
    expect(m.has('OTHER_SERVICE_HOST')).toBe(false);
  });

  it('adds the namespace Services with service links on, never other namespaces', () => {
    const m = serviceEnvVarMap(lister, 'default', true);
    expect(m.get('ALPACA_PROD_SERVICE_HOST')).toBe('10.99.141.81');
    expect(m.has('OTHER_SERVICE_HOST')).toBe(false);
  });

  it('lets a same-named Service of the pod namespace replace kubernetes', () => {
    const m = serviceEnvVarMap(lister, 'team-b', true);
    expect(m.get('KUBERNETES_SERVICE_HOST')).toBe('10.96.9.9');
  });
});
