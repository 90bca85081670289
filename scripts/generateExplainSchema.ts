/**
 * Generates the OpenAPI v3 schemas `kubectl explain` reads (src/shared/generated/kubernetes.explain.json): the
 * components of the kinds svcsim serves, shaped as a 1.34 apiserver serves them at /openapi/v3 (a field of a
 * named type is `allOf: [{$ref}]` beside its own description; IntOrString and Quantity are `oneOf` without a
 * `type`; Time is a string), because kubectl's plaintext template (kubernetes/kubectl v0.34.0
 * pkg/explain/v2/templates/plaintext.tmpl) prints types and descriptions from exactly that shape.
 *
 * The source is the Kubernetes v1.34.0 OpenAPI as `@kubernetes/client-node@1.4.0` carries it (scripts/
 * clientNodeModels.ts), and nothing else: svcsim takes the API documentation only from its dependencies. The
 * models lost a few things on their way, so explain prints less than a real 1.34 apiserver serves: a field of a
 * named type has no description (`<no description>`), an IntOrString or MicroTime field carries its type's
 * description instead of its own (kept here as the type's, where the apiserver has it), a description's line
 * breaks became spaces, and enums (`enum`, hence kubectl's ENUM lines, and the "Possible enum values" paragraph,
 * which the apiserver adds at runtime with its OpenAPIEnums feature) are gone.
 *
 *   node --import tsx scripts/generateExplainSchema.ts          # writes the file
 *   node --import tsx scripts/generateExplainSchema.ts --check  # fails when it is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { modelNamer, modelsOpenApiVersion, quantityFields, readModel } from './clientNodeModels';

const out = 'src/shared/generated/kubernetes.explain.json';
const openApiVersion = modelsOpenApiVersion();
if (openApiVersion !== 'v1.34.0') throw new Error(`expected models generated from the v1.34.0 OpenAPI, found ${openApiVersion}`);
const source = JSON.parse(readFileSync('node_modules/@kubernetes/client-node/package.json', 'utf8')) as { version: string };

/** The served kinds (src/engine/api/resources.ts) and their client-node models. */
const kinds: Array<{ group: string; version: string; kind: string; model: string }> = [
  { group: '', version: 'v1', kind: 'Pod', model: 'V1Pod' },
  { group: '', version: 'v1', kind: 'Service', model: 'V1Service' },
  { group: '', version: 'v1', kind: 'Namespace', model: 'V1Namespace' },
  { group: '', version: 'v1', kind: 'Node', model: 'V1Node' },
  { group: '', version: 'v1', kind: 'Endpoints', model: 'V1Endpoints' },
  { group: '', version: 'v1', kind: 'Event', model: 'CoreV1Event' },
  { group: '', version: 'v1', kind: 'ConfigMap', model: 'V1ConfigMap' },
  { group: '', version: 'v1', kind: 'Secret', model: 'V1Secret' },
  { group: 'apps', version: 'v1', kind: 'Deployment', model: 'V1Deployment' },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', model: 'V1ReplicaSet' },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', model: 'V1DaemonSet' },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', model: 'V1StatefulSet' },
  { group: 'apps', version: 'v1', kind: 'ControllerRevision', model: 'V1ControllerRevision' },
  { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', model: 'V1EndpointSlice' },
];

/** Fields client-node types `any`: their OpenAPI type is a named object type. */
const objectFields: Record<string, Record<string, string>> = {
  ControllerRevision: { data: 'RawExtension' },
  ManagedFieldsEntry: { fieldsV1: 'FieldsV1' },
};

type Schema = Record<string, unknown>;
const schemas: Record<string, Schema> = {};
/** The descriptions client-node gives the fields of a type it inlines (IntOrString, MicroTime): that type's own. */
const inlinedTypeDocs: Record<string, string> = {};
const componentName = modelNamer();

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** A client-node type string (`Array<V1ServicePort>`, `{ [key: string]: string; }`, `IntOrString`...) as a schema. */
function typeSchema(type: string, format: string): Schema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1], format) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], format) };
  switch (type) {
    case 'string':
    case 'boolean':
      return { type };
    case 'number':
      return format === 'double' ? { type: 'number' } : { type: 'integer' };
    case 'Date':
      return ref('Time');
    case 'V1MicroTime':
      return ref('MicroTime');
    case 'IntOrString':
      return ref('IntOrString');
    case 'any':
      return {};
    default:
      return ref(define(type));
  }
}

/** A property: a bare `$ref` gets its description beside it through `allOf`, as the v3 builder writes it. */
function property(s: Schema, description: string | undefined): Schema {
  if (typeof s.$ref === 'string') return description ? { allOf: [s], description } : s;
  return description ? { description, ...s } : s;
}

/** Adds the component of `model` (and everything it refers to) and returns its name. */
function define(model: string): string {
  const name = componentName(model);
  if (schemas[name]) return name;
  const { attributes, docs, required, doc } = readModel(model);
  const def: Schema = {};
  schemas[name] = def;
  const properties: Record<string, Schema> = {};
  for (const a of attributes) {
    const object = objectFields[name]?.[a.baseName];
    const quantity = quantityFields[name]?.includes(a.baseName);
    let s: Schema;
    if (object) s = ref(object);
    else if (quantity) s = a.type === 'string' ? ref('Quantity') : { type: 'object', additionalProperties: ref('Quantity') };
    else s = typeSchema(a.type, a.format);
    // client-node documents an IntOrString or MicroTime field with its type's text: not the field's, the type's
    const inlined = a.type === 'IntOrString' ? 'IntOrString' : a.type === 'V1MicroTime' ? 'MicroTime' : undefined;
    const text = docs.get(a.name);
    if (inlined && text) {
      const known = inlinedTypeDocs[inlined];
      if (known !== undefined && known !== text) throw new Error(`${name}.${a.baseName} describes ${inlined} differently`);
      inlinedTypeDocs[inlined] = text;
    }
    properties[a.baseName] = property(s, inlined ? undefined : text);
  }
  if (doc) def.description = doc;
  if (attributes.length) def.properties = properties;
  const req = attributes.filter((a) => required.has(a.name)).map((a) => a.baseName);
  if (req.length) def.required = req;
  def.type = 'object';
  return name;
}

const roots: Record<string, string> = {};
for (const k of kinds) {
  const name = define(k.model);
  roots[k.group ? `${k.group}/${k.version}/${k.kind}` : `${k.version}/${k.kind}`] = name;
}
// the named types client-node inlines, as the apiserver's document has them (described where client-node says how)
schemas.Time = { type: 'string' };
schemas.MicroTime = { description: inlinedTypeDocs.MicroTime, type: 'string' };
schemas.IntOrString = { description: inlinedTypeDocs.IntOrString, oneOf: [{ type: 'integer' }, { type: 'string' }] };
schemas.Quantity = { oneOf: [{ type: 'string' }, { type: 'number' }] };
schemas.RawExtension = { type: 'object' };
schemas.FieldsV1 = { type: 'object' };

const sorted = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const document = {
  $comment: `Generated by scripts/generateExplainSchema.ts from the Kubernetes ${openApiVersion} OpenAPI (@kubernetes/client-node@${source.version} models); do not edit.`,
  kinds: roots,
  components: { schemas: sorted },
};
const text = `${JSON.stringify(document)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error(`${out} is stale: run node --import tsx scripts/generateExplainSchema.ts`);
    process.exit(1);
  }
  console.log(`${out} is up to date`);
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB, ${Object.keys(sorted).length} schemas)`);
}
