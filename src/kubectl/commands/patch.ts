/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` (kubectl `pkg/cmd/patch/patch.go`). A patch
 * that starts with `{` goes to the server as typed (`yaml.ToJSON` passes JSON through); anything else is read
 * as YAML first. The result prints `<kind>/<name> patched`, or `patched (no change)` when the object the server
 * returns equals the one kubectl read. Malformed JSON is the apiserver's BadRequest with encoding/json's text:
 * `error decoding patch: ...` for merge and JSON patches (`applyJSPatch` decodes strictly first), the bare text
 * for strategic merge patches (`strategicPatchObject`).
 */
import { parseDocument } from 'yaml';
import type { ApiStatus, KubeObject, PatchType } from '../../engine';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { goJsonMarshal } from '../../shared/goJson';
import { goJsonSyntaxError } from '../printers/goJsonSyntax';
import { goQuote } from '../../shared/goQuote';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import { aliasingError, nestingDepthError } from '../../shared/yamlLimits';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

const patchTypes: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' };

function badRequest(message: string): KubeError {
  const status: ApiStatus = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'BadRequest', code: 400 };
  return { type: 'status', status };
}

/** `yaml.ToJSON` plus the server's decoding of the body: the patch value, or the error kubectl prints. */
function decodePatch(text: string, type: PatchType, shown: string): { value: unknown } | { error: KubeError } {
  if (/^\s*\{/.test(text)) {
    const syntax = goJsonSyntaxError(text);
    if (syntax) return { error: badRequest(type === 'strategic' ? syntax : `error decoding patch: ${syntax}`) };
    return typed(JSON.parse(text), type);
  }
  const unparsable = (message: string) => fail(`unable to parse ${goQuote(shown)}: yaml: ${message}`);
  // nesting and alias bombs fail like go-yaml's limits (see yamlLimits.ts), before anything recurses
  const deep = nestingDepthError(text);
  if (deep) throw unparsable(`line ${lineOf(text, deep.offset)}: ${deep.message}`);
  // a repeated key keeps its last value, as sigs.k8s.io/yaml's non-strict YAMLToJSON does (see manifests.ts)
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    // go-yaml's wording is approximated by the yaml library's first line
    throw unparsable(doc.errors[0].message.split('\n')[0]);
  }
  const aliasing = aliasingError(doc);
  if (aliasing) throw unparsable(aliasing.message);
  return typed(doc.toJS({ maxAliasCount: -1 }) ?? null, type);
}

/** The 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** encoding/json's name for a decoded JSON value's type (`cannot unmarshal <type> into ...`). */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/**
 * The strict decode `applyJSPatch` runs first (kubectl sends no fieldValidation, so the apiserver's default
 * Warn applies): a merge patch must be an object, a JSON patch a list of operation objects.
 */
function typed(value: unknown, type: PatchType): { value: unknown } | { error: KubeError } {
  const t = jsonTypeName(value);
  if (type === 'merge' && t !== 'object' && t !== 'null') {
    return { error: badRequest(`error decoding patch: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`) };
  }
  if (type === 'json') {
    if (t !== 'array' && t !== 'null') return { error: badRequest(`error decoding patch: json: cannot unmarshal ${t} into Go value of type []handlers.jsonPatchOp`) };
    const bad = Array.isArray(value) ? value.find((op) => jsonTypeName(op) !== 'object' && op !== null) : undefined;
    if (bad !== undefined) return { error: badRequest(`error decoding patch: json: cannot unmarshal ${jsonTypeName(bad)} into Go value of type handlers.jsonPatchOp`) };
  }
  return { value };
}

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  flags: [
    { name: 'patch', shorthand: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'local', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
    { name: 'subresource', type: 'string' },
    { name: 'record', type: 'bool' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const f = env.flags;
    const dryRun = dryRunStrategy(f);
    writeOutputFormat(env);
    const patchText = f.string('patch');
    const patchFile = f.string('patch-file');
    if (patchText && patchFile) throw fail('cannot specify --patch and --patch-file together');
    if (!patchText && !patchFile) throw fail('must specify --patch or --patch-file containing the contents of the patch');
    if (f.bool('local') && env.args.length > 0) throw fail('cannot specify --local and server resources');
    if (f.bool('local') && dryRun === 'server') throw fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const typeName = f.string('type');
    const type = typeName ? patchTypes[typeName.toLowerCase()] : 'strategic';
    if (!type) throw fail(`--type must be one of [json merge strategic], not "${typeName}"`);
    if (f.bool('local')) throw fail('kubectl patch --local is not simulated yet; patch objects on the server');
    const subresource = f.string('subresource');
    if (subresource && subresource !== 'status') throw fail(`--subresource=${subresource} is not simulated yet (status is)`);
    let text = patchText;
    if (patchFile) {
      const read = env.ctx.readFile?.(patchFile);
      if (read === undefined) throw fail(`unable to read patch file: open ${patchFile}: no such file or directory`);
      text = read;
    }
    const decoded = decodePatch(text, type, patchText);
    const request = requestFor(env, { args: env.args, namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, f.strings('filename'));
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    const all: KubeError[] = [...errors];
    let count = 0;
    for (const info of infos) {
      for (const obj of info.objects) {
        count++;
        patchOne(env, info.mapping.kind, obj, type, decoded, subresource === 'status', dryRun, all);
      }
    }
    if (all.length === 0 && count === 0) throw fail('no objects passed to patch');
    const err = aggregate(all);
    if (err) throw new CommandError(err);
    return undefined;
  },
};

function patchOne(
  env: CommandEnv,
  kind: Parameters<CommandEnv['cluster']['patch']>[0],
  obj: KubeObject,
  type: PatchType,
  decoded: { value: unknown } | { error: KubeError },
  status: boolean,
  dryRun: ReturnType<typeof dryRunStrategy>,
  errors: KubeError[],
): void {
  if ('error' in decoded) {
    errors.push(decoded.error);
    return;
  }
  // client dry-run patches the object kubectl read; the simulation asks the server to do it without saving
  const res = env.cluster.patch(kind, obj.metadata?.namespace, obj.metadata?.name ?? '', type, decoded.value, {
    dryRun: dryRun !== 'none',
    ...(status ? { subresource: 'status' as const } : {}),
  });
  if (!res.ok) {
    errors.push({ type: 'status', status: res.status });
    return;
  }
  const changed = goJsonMarshal(obj) !== goJsonMarshal(res.value);
  printResult(env, res.value as KubeObject, changed ? 'patched' : 'patched (no change)', dryRun, writeOutputFormat(env));
}
