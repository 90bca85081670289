/**
 * Reads the Kubernetes v1.34.0 OpenAPI definitions as `@kubernetes/client-node@1.4.0` carries them: each
 * `dist/gen/models/*.js` has the `attributeTypeMap` of one definition (fields in the OpenAPI's order, with their
 * client-node type and format), each `.d.ts` the definition's documentation. Shared by scripts/generateSchemas.ts
 * (the editor's schema) and scripts/generateExplainSchema.ts (`kubectl explain`'s documents).
 */
import { readFileSync } from 'node:fs';

export const modelsDir = 'node_modules/@kubernetes/client-node/dist/gen/models';

export interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

/** The model's attributes (in the OpenAPI's field order) and its documentation from the `.d.ts`. */
export function readModel(model: string): { attributes: Attribute[]; docs: Map<string, string>; required: Set<string>; doc?: string } {
  const js = readFileSync(`${modelsDir}/${model}.js`, 'utf8');
  const map = /attributeTypeMap = (\[[\s\S]*?\]);/.exec(js);
  const attributes = map ? (JSON.parse(map[1]) as Attribute[]) : [];
  const dts = readFileSync(`${modelsDir}/${model}.d.ts`, 'utf8');
  const docs = new Map<string, string>();
  const required = new Set<string>();
  for (const m of dts.matchAll(/(?:\/\*\*\n((?:\s*\*.*\n)*?)\s*\*\/\n)?\s+'([^']+)'(\?)?:/g)) {
    if (m[1]) docs.set(m[2], docText(m[1]));
    if (!m[3]) required.add(m[2]);
  }
  const classDoc = /\/\*\*\n\*\s?([^\n]*)\n\*\/\nexport declare class/.exec(dts);
  return { attributes, docs, required, doc: classDoc ? docText(classDoc[1]) : undefined };
}

/** The text of a `/** ... *\/` block without its stars, with the generator's `\'` and `\"` escapes undone. */
export function docText(block: string): string {
  return block
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .trim()
    .replace(/\\(['"])/g, '$1');
}

/** The OpenAPI version the models were generated from (`v1.34.0`), read from a model's banner. */
export function modelsOpenApiVersion(): string | undefined {
  return /OpenAPI spec version: (v[\d.]+)/.exec(readFileSync(`${modelsDir}/V1Pod.js`, 'utf8'))?.[1];
}

/**
 * Fields whose OpenAPI type is `resource.Quantity` (client-node flattens it to a string): a Quantity decodes from
 * a JSON number too (`cpu: 1`), which a plain string field does not.
 */
export const quantityFields: Readonly<Record<string, readonly string[]>> = {
  ResourceRequirements: ['limits', 'requests'],
  VolumeResourceRequirements: ['limits', 'requests'],
  NodeStatus: ['capacity', 'allocatable'],
  PodSpec: ['overhead'],
  ContainerStatus: ['allocatedResources'],
  EmptyDirVolumeSource: ['sizeLimit'],
  ResourceFieldSelector: ['divisor'],
};

/**
 * Names client-node models (`V1Pod`, `DiscoveryV1EndpointPort`) as the Go types are named: the bare name, or
 * `<group>.v1.<name>` where two groups have a type of that name (the second one met is qualified).
 */
export function modelNamer(): (model: string) => string {
  const names = new Map<string, string>();
  return (model) => {
    const known = names.get(model);
    if (known) return known;
    const m = /^([A-Z][a-z]+)?V1(.+)$/.exec(model);
    if (!m) throw new Error(`unexpected model name ${model}`);
    const bare = m[2];
    const taken = [...names.entries()].some(([other, n]) => n === bare && other !== model);
    const name = taken ? `${(m[1] ?? 'core').toLowerCase()}.v1.${bare}` : bare;
    names.set(model, name);
    return name;
  };
}
