/**
 * `kubectl explain --output=plaintext-openapiv2`: kubectl v0.34.0's printers over the OpenAPI v2 document
 * (kubernetes/kubectl pkg/explain: field_lookup.go, model_printer.go, fields_printer.go,
 * recursive_fields_printer.go, typename.go, formatter.go). The v3 schemas are read as the apiserver's v2 document
 * has them (kube-openapi pkg/util/proto): a field of a named type is a Reference carrying the field's
 * description, IntOrString and Quantity are strings, an object without properties is a map of anything.
 */
import type { ExplainDocument, OpenApiSchema } from './explainDocument';
import { wrapLines } from './textWrap';

type Node =
  | { kind: 'primitive'; type: string; description: string }
  | { kind: 'array'; description: string; sub: () => Node }
  | { kind: 'map'; description: string; sub: () => Node }
  | { kind: 'object'; description: string; fields: Record<string, OpenApiSchema>; required: string[] }
  | { kind: 'arbitrary'; description: string }
  | { kind: 'reference'; ref: string; description: string; sub: () => Node };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A schema as kube-openapi's proto model reads the v2 document. */
function parse(s: OpenApiSchema, doc: ExplainDocument): Node {
  const description = str(s.description);
  const allOf = Array.isArray(s.allOf) ? (s.allOf as OpenApiSchema[]) : [];
  const ref = str(s.$ref) || (allOf.length === 1 ? str(allOf[0].$ref) : '');
  if (ref) {
    const name = ref.split('/').at(-1) ?? '';
    return { kind: 'reference', ref: name, description, sub: () => parse(doc.components.schemas[name], doc) };
  }
  // IntOrString and Quantity: `type: string` in the v2 document
  if (s.oneOf) return { kind: 'primitive', type: 'string', description };
  if (s.type === 'array') return { kind: 'array', description, sub: () => parse(s.items as OpenApiSchema, doc) };
  if (s.type === 'object' || s.type === undefined) {
    if (s.properties) return { kind: 'object', description, fields: s.properties as Record<string, OpenApiSchema>, required: (s.required as string[]) ?? [] };
    if (s.type === undefined) return { kind: 'arbitrary', description };
    const value = s.additionalProperties;
    return { kind: 'map', description, sub: () => (value && typeof value === 'object' ? parse(value as OpenApiSchema, doc) : { kind: 'arbitrary', description }) };
  }
  return { kind: 'primitive', type: str(s.type), description };
}

/** typename.go's GetTypeName. */
function typeName(n: Node): string {
  switch (n.kind) {
    case 'array':
      return `[]${typeName(n.sub())}`;
    case 'map':
      return `map[string]${typeName(n.sub())}`;
    case 'object':
      return 'Object';
    case 'primitive':
      return n.type;
    case 'reference':
      return typeName(n.sub());
    case 'arbitrary':
      return '';
  }
}

/** field_lookup.go: follows the path; a primitive (or anything) ends the walk early, found. */
function lookup(n: Node, path: readonly string[], doc: ExplainDocument): Node {
  if (path.length === 0) return n;
  switch (n.kind) {
    case 'array':
    case 'map':
    case 'reference':
      return lookup(n.sub(), path, doc);
    case 'object': {
      const f = n.fields[path[0]];
      if (!f) throw new V2FieldError(`field "${path[0]}" does not exist`);
      return lookup(parse(f, doc), path.slice(1), doc);
    }
    default:
      return n;
  }
}

/** A missing field in the v2 lookup, reported before anything is printed. */
export class V2FieldError extends Error {}

/** formatter.go's Formatter, writing into a string. */
class Formatter {
  constructor(
    private readonly sink: string[],
    readonly level = 0,
  ) {}
  indent(n: number): Formatter {
    return new Formatter(this.sink, this.level + n);
  }
  write(s: string): void {
    // empty lines are not indented
    this.sink.push(s === '' ? '\n' : `${' '.repeat(this.level)}${s}\n`);
  }
  writeWrapped(s: string): void {
    for (const line of wrapLines(s, 80 - this.level)) this.write(line);
  }
}

function regularFields(w: Formatter, n: Node, doc: ExplainDocument): void {
  if (n.kind === 'array' || n.kind === 'map' || n.kind === 'reference') {
    regularFields(w, n.sub(), doc);
    return;
  }
  if (n.kind !== 'object') return;
  for (const key of Object.keys(n.fields).sort()) {
    const v = parse(n.fields[key], doc);
    w.write(`${key}\t<${typeName(v)}>${n.required.includes(key) ? ' -required-' : ''}`);
    w.indent(2).writeWrapped(v.description);
    w.write('');
  }
}

function recursiveFields(w: Formatter, n: Node, visited: Set<string>, doc: ExplainDocument): void {
  if (n.kind === 'array' || n.kind === 'map') {
    recursiveFields(w, n.sub(), visited, doc);
    return;
  }
  if (n.kind === 'reference') {
    if (visited.has(n.ref)) return;
    visited.add(n.ref);
    recursiveFields(w, n.sub(), visited, doc);
    visited.delete(n.ref);
    return;
  }
  if (n.kind !== 'object') return;
  for (const key of Object.keys(n.fields).sort()) {
    const v = parse(n.fields[key], doc);
    w.write(`${key}\t<${typeName(v)}>`);
    recursiveFields(w.indent(3), v, visited, doc);
  }
}

/** model_printer.go: KIND/VERSION, then RESOURCE or FIELD, DESCRIPTION and FIELDS. */
export function renderOpenApiV2(doc: ExplainDocument, gvk: { group: string; version: string; kind: string }, schemaName: string, fieldPath: readonly string[], recursive: boolean): string {
  const name = fieldPath.at(-1) ?? '';
  const found = lookup(parse(doc.components.schemas[schemaName], doc), fieldPath, doc);
  const out: string[] = [];
  const w = new Formatter(out);
  const descriptions: string[] = [];
  let type = '';
  const header = () => {
    w.write(`KIND:     ${gvk.kind}`);
    w.write(`VERSION:  ${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}\n`);
  };
  const printDescription = (own: string) => {
    w.write('DESCRIPTION:');
    let empty = true;
    for (const [i, d] of [...descriptions, own].entries()) {
      if (d === '') continue;
      empty = false;
      if (i !== 0) w.write('');
      w.indent(5).writeWrapped(d);
    }
    if (empty) w.indent(5).writeWrapped('<empty>');
  };
  const visit = (n: Node): void => {
    switch (n.kind) {
      case 'array':
      case 'map':
        descriptions.push(n.description);
        if (!type) type = typeName(n);
        visit(n.sub());
        return;
      case 'reference':
        descriptions.push(n.description);
        visit(n.sub());
        return;
      case 'object':
        header();
        if (!type) type = 'Object';
        if (name) w.write(`RESOURCE: ${name} <${type}>\n`);
        printDescription(n.description);
        w.write('\nFIELDS:');
        if (recursive) recursiveFields(w.indent(3), n, new Set(), doc);
        else regularFields(w.indent(3), n, doc);
        return;
      case 'primitive':
        header();
        if (!type) type = n.type;
        w.write(`FIELD:    ${name} <${type}>\n`);
        printDescription(n.description);
        return;
      case 'arbitrary':
        header();
        printDescription(n.description);
        return;
    }
  };
  visit(found);
  return out.join('');
}
