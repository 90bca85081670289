/** Registry strategy for ConfigMaps (kubernetes/kubernetes `pkg/registry/core/configmap/strategy.go`): no status, no generation. */
import type { Strategy } from '../apiserver/strategy';
import { validateConfigMap, validateConfigMapUpdate } from '../api/validation/configMap';

/** Admission (validation) for ConfigMap objects. */
export const configMapStrategy: Strategy<'ConfigMap'> = {
  kind: 'ConfigMap',
  hasStatus: false,
  tracksGeneration: false,
  applyDefaults: () => undefined,
  validate: (cm) => validateConfigMap(cm),
  validateUpdate: (cm, old) => validateConfigMapUpdate(cm, old),
};
