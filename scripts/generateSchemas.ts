/**
 * Generates the JSON schema the editor validates manifests with and the engine's decoder checks request bodies
 * against, from the Kubernetes v1.34.0 OpenAPI as `@kubernetes/client-node@1.4.0` ships it (its models are
 * generated from that spec: each `dist/gen/models/*.js` has the `attributeTypeMap` of one OpenAPI definition,
 * each `.d.ts` the definition's field documentation). One schema with a branch per kind, chosen by `kind`, so
 * completion and hover know what `spec` means for a Service versus a Deployment.
 *
 *   npx tsx scripts/generateSchemas.ts          # writes src/shared/generated/kubernetes.{schema,types}.json
 *   npx tsx scripts/generateSchemas.ts --check  # fails when the committed files are stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { modelNamer, modelsDir, quantityFields, readModel } from './clientNodeModels';

const source = JSON.parse(readFileSync('node_modules/@kubernetes/client-node/package.json', 'utf8')) as { version: string };
const openApiVersion = /OpenAPI spec version: (v[\d.]+)/.exec(readFileSync(`${modelsDir}/V1Pod.js`, 'utf8'))?.[1];
if (openApiVersion !== 'v1.34.0') throw new Error(`expected models generated from the v1.34.0 OpenAPI, found ${openApiVersion}`);

const kinds: Array<{ kind: string; apiVersion: string; model: string }> = [
  { kind: 'Pod', apiVersion: 'v1', model: 'V1Pod' },
  { kind: 'Service', apiVersion: 'v1', model: 'V1Service' },
  { kind: 'Namespace', apiVersion: 'v1', model: 'V1Namespace' },
  { kind: 'Node', apiVersion: 'v1', model: 'V1Node' },
  { kind: 'Endpoints', apiVersion: 'v1', model: 'V1Endpoints' },
  { kind: 'ConfigMap', apiVersion: 'v1', model: 'V1ConfigMap' },
  { kind: 'Secret', apiVersion: 'v1', model: 'V1Secret' },
  { kind: 'Deployment', apiVersion: 'apps/v1', model: 'V1Deployment' },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', model: 'V1ReplicaSet' },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', model: 'V1DaemonSet' },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', model: 'V1StatefulSet' },
  { kind: 'ControllerRevision', apiVersion: 'apps/v1', model: 'V1ControllerRevision' },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', model: 'V1EndpointSlice' },
];

type Schema = Record<string, unknown>;
const definitions: Record<string, Schema> = {};
const definitionName = modelNamer();

function ref(name: string): Schema {
  return { $ref: `#/definitions/${name}` };
}

/** A client-node type string (`Array<V1ServicePort>`, `{ [key: string]: string; }`, `IntOrString`...) as a schema. */
function typeSchema(type: string, format: string): Schema {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1], format) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], format) };
  switch (type) {
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return format === 'double' ? { type: 'number' } : { type: 'integer', format };
    case 'Date':
      return ref('Time');
    case 'IntOrString':
      return { type: ['integer', 'string'], format: 'int-or-string' };
    case 'any':
      return {};
    default:
      if (format === 'date-time-micro') return ref('MicroTime');
      return ref(define(type));
  }
}

/** Adds the definition of `model` (and everything it refers to) and returns its name. */
function define(model: string): string {
  const name = definitionName(model);
  if (definitions[name]) return name;
  const { attributes, docs, required, doc } = readModel(model);
  const def: Schema = { type: 'object', properties: {} };
  definitions[name] = def;
  const properties: Record<string, Schema> = {};
  for (const a of attributes) {
    const quantity = quantityFields[name]?.includes(a.baseName);
    const s = quantity ? (a.type === 'string' ? ref('Quantity') : { type: 'object', additionalProperties: ref('Quantity') }) : typeSchema(a.type, a.format);
    const description = docs.get(a.name);
    properties[a.baseName] = description ? { ...s, description } : s;
  }
  def.properties = properties;
  const req = attributes.filter((a) => required.has(a.name)).map((a) => a.baseName);
  if (req.length) def.required = req;
  def.additionalProperties = false;
  if (doc) def.description = doc;
  return name;
}

definitions.Time = { type: 'string', format: 'date-time', description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.' };
definitions.MicroTime = { type: 'string', format: 'date-time', description: 'MicroTime is version of Time with microsecond level precision.' };
definitions.Quantity = {
  type: ['string', 'number'],
  description: 'Quantity is a fixed-point representation of a number (`500m`, `64Mi`, `1`).',
};

const branches: Schema[] = [];
for (const k of kinds) {
  const name = define(k.model);
  const props = definitions[name].properties as Record<string, Schema>;
  props.apiVersion = { ...props.apiVersion, const: k.apiVersion };
  props.kind = { ...props.kind, const: k.kind };
  branches.push({
    if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
    then: ref(name),
  });
}

const sortedDefinitions = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by scripts/generateSchemas.ts from the Kubernetes ${openApiVersion} OpenAPI (@kubernetes/client-node@${source.version} models); do not edit.`,
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))] },
    kind: { type: 'string', enum: kinds.map((k) => k.kind) },
  },
  allOf: branches,
  definitions: sortedDefinitions,
};

/** The same schema without documentation: what the engine's decoder needs, small enough for the worker. */
function withoutDocs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDocs);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'description' && k !== '$comment') out[k] = withoutDocs(x);
  return out;
}

const outputs: Array<[string, string]> = [
  ['src/shared/generated/kubernetes.schema.json', `${JSON.stringify(schema, null, 1)}\n`],
  ['src/shared/generated/kubernetes.types.json', `${JSON.stringify(withoutDocs(schema))}\n`],
];
for (const [out, text] of outputs) {
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== text) {
      console.error(`${out} is stale: run npx tsx scripts/generateSchemas.ts`);
      process.exit(1);
    }
    console.log(`${out} is up to date`);
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB, ${Object.keys(definitions).length} definitions)`);
  }
}
