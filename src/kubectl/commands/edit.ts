/**
 * `kubectl edit TYPE NAME` (kubectl `pkg/cmd/edit` and `pkg/cmd/util/editor/editoptions.go`). The host's
 * `ctx.editor` plays $EDITOR: it gets the YAML with kubectl's comment header and returns the saved text
 * (undefined = closed without saving). Edits are sent as a patch; an invalid edit prints
 * `error: pods "x" is invalid`, reopens the editor with the reasons in the header, and when nothing changes
 * the second time ends with `A copy of your changes has been stored to "/tmp/kubectl-edit-N.yaml"` and
 * `error: Edit cancelled, no valid changes were saved.`
 */
import type { KubeObject } from '../../engine';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, fail, throwIfErrors } from '../cli/errors';
import { parseManifests } from '../manifests';
import { goJsonMarshal } from '../../shared/goJson';
import { toGoYaml } from '../printers/goYaml';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { printResult } from './objectOutput';

const headerIntro = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface EditReason {
  head: string;
  other: string[];
}

const hashOnLineBreak = (s: string) => s.replaceAll('\n', '\n# ');

function header(reasons: EditReason[]): string {
  let h = headerIntro;
  for (const r of reasons) {
    h += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) h += `# * ${hashOnLineBreak(o)}\n`;
    h += '#\n';
  }
  return h;
}

/** cmdutil.ManualStrip: drops comment lines (not `#!`). */
function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((l) => !(l.trim().startsWith('#') && !l.trim().startsWith('#!')))
    .join('\n');
}

/** cmdutil.StripComments: the YAML as canonical JSON, or the manually stripped text when it does not parse. */
function stripComments(text: string): string {
  const docs = parseManifests(text);
  if (docs.some((d) => d.error)) return manualStrip(text);
  return goJsonMarshal(docs.map((d) => d.object ?? null));
}

/** RFC 7386 merge patch from `a` to `b` (jsonpatch.CreateMergePatch). */
function mergePatchFrom(a: unknown, b: unknown): unknown {
  const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(a) || !isMap(b)) return b;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  for (const [k, v] of Object.entries(b)) {
    if (!(k in a)) out[k] = v;
    else if (goJsonMarshal(a[k]) !== goJsonMarshal(v)) out[k] = isMap(a[k]) && isMap(v) ? mergePatchFrom(a[k], v) : v;
  }
  return out;
}

/** A deterministic stand-in for os.CreateTemp's random suffix. */
function tempFileName(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  return `/tmp/kubectl-edit-${h}.yaml`;
}

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  use: 'edit (RESOURCE/NAME | -f FILENAME)',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'output-patch', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    { name: 'subresource', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-edit' },
  ],
  run(env) {
    const request = requestFor(env, { args: env.args, namespace: env.namespace, allNamespaces: false, allowEmptySelector: true }, env.flags.strings('filename'));
    const { infos, errors } = fetchInfos(env, request, env.namespace);
    throwIfErrors(errors);
    const items = infos.flatMap((i) => i.objects.map((o) => ({ mapping: i.mapping, object: o })));
    if (items.length === 0) throw fail('edit cancelled, no objects found');
    editLoop(env, items);
    return undefined;
  },
};

function editLoop(env: CommandEnv, items: { mapping: Mapping; object: KubeObject }[]): void {
  const editor = env.ctx.editor;
  if (!editor) throw fail('there was a problem with the editor "vi"');
  const originalObj =
    items.length === 1 ? items[0].object : { apiVersion: 'v1', items: items.map((i) => i.object), kind: 'List', metadata: {} };
  const originalYaml = toGoYaml(originalObj);
  const file = tempFileName(`${items.map((i) => i.object.metadata?.uid).join(',')}@${env.cluster.now()}`);
  let reasons: EditReason[] = [];
  let containsError = false;
  let edited = '';
  for (;;) {
    const buffer = header(reasons) + (containsError ? manualStrip(edited) : originalYaml);
    const previous = edited;
    edited = editor(buffer) ?? buffer;
    if (containsError && stripComments(previous) === stripComments(edited)) {
      env.out.err(`A copy of your changes has been stored to "${file}"\n`);
      throw fail('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(originalYaml) === stripComments(edited)) {
      env.out.err('Edit cancelled, no changes made.\n');
      return;
    }
    if (manualStrip(edited).trim() === '') {
      env.out.err('Edit cancelled, saved file was empty.\n');
      return;
    }
    reasons = [];
    const docs = parseManifests(edited);
    const syntax = docs.find((d) => d.error);
    if (syntax?.error) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: error converting YAML to JSON: yaml: line ${syntax.error.line}: ${syntax.error.message}`, other: [] });
      continue;
    }
    const editedObjects = docs.flatMap((d) => {
      const o = d.object as Record<string, unknown>;
      return o.kind === 'List' && Array.isArray(o.items) ? (o.items as KubeObject[]) : [o as unknown as KubeObject];
    });
    containsError = false;
    let invalid = false;
    for (const obj of editedObjects) {
      const original = items.find((i) => i.object.metadata?.uid === obj.metadata?.uid);
      if (!original) throw fail(`no original object found for ${goJsonMarshal(obj)}`);
      if (goJsonMarshal(original.object) === goJsonMarshal(obj)) {
        printResult(env, obj, 'skipped', 'none');
        continue;
      }
      const a = original.object as unknown as Record<string, unknown>;
      const b = obj as unknown as Record<string, unknown>;
      const nameOf = (o: Record<string, unknown>) => (o.metadata as { name?: string } | undefined)?.name;
      if (a.apiVersion !== b.apiVersion || a.kind !== b.kind || nameOf(a) !== nameOf(b)) {
        env.out.err(`A copy of your changes has been stored to "${file}"\n`);
        throw fail('At least one of apiVersion, kind and name was changed');
      }
      const res = env.cluster.patch(original.mapping.kind, original.object.metadata?.namespace, nameOf(a) ?? '', 'merge', mergePatchFrom(a, b));
      const resourceString = original.mapping.qualifiedResource;
      if (res.ok) {
        printResult(env, res.value as KubeObject, 'edited', 'none');
        continue;
      }
      if (res.status.reason === 'Invalid') {
        invalid = true;
        reasons.push({
          head: `${resourceString} "${nameOf(a)}" was not valid`,
          other: (res.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`),
        });
        env.out.err(`error: ${resourceString} "${nameOf(a)}" is invalid\n`);
      } else if (res.status.reason === 'NotFound') {
        env.out.err(`error: ${resourceString} "${nameOf(a)}" could not be found on the server\n`);
        env.out.err(`The edits you made on deleted resources have been saved to "${file}"\n`);
        throw new CommandError({ type: 'exit' });
      } else {
        env.out.err(`error: ${resourceString} "${nameOf(a)}" could not be patched: ${res.status.message}\n`);
        env.out.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
        throw new CommandError({ type: 'exit' });
      }
    }
    if (!invalid) return;
    containsError = true;
  }
}
