import { describe, expect, it } from 'vitest';
import { isServiceEnvVar } from './serviceEnv';

// names as kubernetes/kubernetes pkg/kubelet/envvars/envvars_test.go spells them
describe('isServiceEnvVar', () => {
  it('marks the variables the kubelet derives from Services', () => {
    for (const l of [
      'ALPACA_PROD_SERVICE_HOST=10.96.12.7',
      'ALPACA_PROD_SERVICE_PORT=8080',
      'Q_U_U_X_SERVICE_PORT_8083=8083',
      'ALPACA_PROD_PORT=tcp://10.96.12.7:8080',
      'ALPACA_PROD_PORT_8080_TCP=tcp://10.96.12.7:8080',
      'ALPACA_PROD_PORT_8080_TCP_PROTO=tcp',
      'ALPACA_PROD_PORT_8080_TCP_PORT=8080',
      'ALPACA_PROD_PORT_8080_TCP_ADDR=10.96.12.7',
    ])
      expect(isServiceEnvVar(l), l).toBe(true);
  });

  it('leaves the image and user variables alone', () => {
    for (const l of ['PATH=/usr/local/sbin:/usr/bin', 'HOSTNAME=app', 'HOME=/root', 'PORT=8080', 'NGINX_VERSION=1.27.5']) expect(isServiceEnvVar(l), l).toBe(false);
  });
});
