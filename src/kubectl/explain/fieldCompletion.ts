/**
 * Tab completion of `kubectl explain`'s argument past the resource (`pod.spec.con` → `pod.spec.containers`),
 * from the OpenAPI schemas when they are loaded (the first explain loads them); nothing before that.
 */
import { lookupMapping } from '../resources/resourceMapper';
import { explainDocument, type OpenApiSchema } from './explainDocument';

/** The schema a field of `s` leads to, through refs, allOf, array items and map values. */
function fieldsOf(s: OpenApiSchema | undefined, schemas: Record<string, OpenApiSchema>): Record<string, OpenApiSchema> | undefined {
  if (!s) return undefined;
  const ref = typeof s.$ref === 'string' ? s.$ref.split('/').at(-1) : undefined;
  if (ref) return fieldsOf(schemas[ref], schemas);
  if (s.properties) return s.properties as Record<string, OpenApiSchema>;
  const next = (Array.isArray(s.allOf) ? s.allOf[0] : undefined) ?? s.items ?? s.additionalProperties;
  return typeof next === 'object' && next ? fieldsOf(next as OpenApiSchema, schemas) : undefined;
}

/** Every `prefix.field` completing `word` (`svc.spec.t` → `svc.spec.type`, `svc.spec.topologyKeys`...). */
export function explainFieldCompletions(word: string): string[] {
  const doc = explainDocument();
  const parts = word.split('.');
  const mapping = lookupMapping(parts[0]);
  if (!doc || !mapping) return [];
  const root = doc.kinds[mapping.group ? `${mapping.group}/${mapping.version}/${mapping.kind}` : `${mapping.version}/${mapping.kind}`];
  let fields = fieldsOf(doc.components.schemas[root], doc.components.schemas);
  for (const name of parts.slice(1, -1)) fields = fieldsOf(fields?.[name], doc.components.schemas);
  const prefix = parts.slice(0, -1).join('.');
  return Object.keys(fields ?? {}).map((f) => `${prefix}.${f}`);
}
