/**
 * The JSON schema monaco-yaml validates manifests against: generated from kubernetes-types (which is generated
 * from the Kubernetes OpenAPI) by scripts/generateSchemas.ts, with the API's own field documentation for hover.
 */
import type { SchemasSettings } from 'monaco-yaml';
import schema from '../shared/generated/kubernetes.schema.json';

export function kubernetesSchemas(): SchemasSettings[] {
  return [{ fileMatch: ['**/*.yaml'], uri: 'inmemory://svcsim/kubernetes.schema.json', schema: schema as SchemasSettings['schema'] }];
}
