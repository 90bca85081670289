/**
 * kind's default storage, rancher's local-path-provisioner in `local-path-storage` (kubernetes-sigs/kind
 * `pkg/build/nodeimage/const_storage.go`): one Deployment tolerating the control-plane taint, and its ConfigMap.
 */
import type { ConfigMap, Deployment } from '../api/types';
import { localPathHelperImage, localPathProvisionerImage } from './kindImages';

export const localPathNamespace = 'local-path-storage';

export function localPathConfigMap(): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-path-config', namespace: localPathNamespace },
    data: {
      'config.json': '{\n        "nodePathMap":[\n        {\n                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",\n                "paths":["/var/local-path-provisioner"]\n        }\n        ]\n}',
      'helperPod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: helper-pod\nspec:\n  containers:\n  - name: helper-pod\n    image: ${localPathHelperImage}\n    imagePullPolicy: IfNotPresent`,
      setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"',
      teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"',
    },
  };
}

export function localPathDeployment(): Deployment {
  const labels = { app: 'local-path-provisioner' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: localPathNamespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [
            { key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', effect: 'NoSchedule' },
            { key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' },
          ],
          serviceAccountName: 'local-path-provisioner-service-account',
          containers: [
            {
              name: 'local-path-provisioner',
              image: localPathProvisionerImage,
              imagePullPolicy: 'IfNotPresent',
              command: ['local-path-provisioner', '--debug', 'start', '--helper-image', localPathHelperImage, '--config', '/etc/config/config.json'],
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
            },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
        },
      },
    },
  };
}
