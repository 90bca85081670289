/**
 * `kubectl apply -f FILE|-` (client-side apply, kubectl `pkg/cmd/apply/apply.go`): creates missing objects,
 * three-way merges existing ones through the last-applied-configuration annotation, and prints
 * `<kind>/<name> created | configured | unchanged`.
 */
import type { KubeObject } from '../../engine';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { readManifests } from '../resources/manifestInput';
import { mappingForKind } from '../resources/resourceMapper';
import { printServerWarnings, validateFlag, validationDirective } from './fieldValidationFlag';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** The namespace an object from a file goes to; a mismatch with an explicit -n fails (RequireNamespace). */
export function targetNamespace(env: CommandEnv, obj: KubeObject, namespaced: boolean): string | undefined {
  if (!namespaced) return undefined;
  const own = obj.metadata?.namespace;
  if (own && env.explicitNamespace && own !== env.namespace) {
    throw fail(`the namespace from the provided object "${own}" does not match the namespace "${env.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own || env.namespace;
}

/** `AddSourceToErr`: API messages of non-Invalid errors gain `error when <verb> "<source>": `. */
export function withSource(status: import('../../engine').ApiStatus, verb: string, source: string): KubeError {
  if (status.reason === 'Invalid') return { type: 'status', status };
  return { type: 'status', status: { ...status, message: `error when ${verb} "${source}": ${status.message}` } };
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'prune', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    validateFlag,
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'wait', type: 'bool' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const files = env.flags.strings('filename');
    if (files.length === 0 && !env.flags.string('kustomize')) throw fail('must specify one of -f and -k');
    const fieldValidation = validationDirective(env);
    const warnings: string[] = [];
    const dryRun = dryRunStrategy(env.flags);
    const format = writeOutputFormat(env);
    // kubectl apply's Run: the objects that could not be mapped are its first errors; the others are applied
    const errors: KubeError[] = [];
    const manifests = readManifests(env, files, errors);
    if (manifests.length === 0 && errors.length === 0) throw fail('no objects passed to apply');
    for (const m of manifests) {
      const mapping = mappingForKind(m.kind);
      const namespace = targetNamespace(env, m.object, mapping.namespaced);
      const obj = { ...m.object, metadata: { ...m.object.metadata, ...(namespace ? { namespace } : {}) } } as KubeObject;
      const live = env.cluster.get(m.kind, namespace, obj.metadata?.name ?? '');
      if (live.ok && !live.value.metadata?.annotations?.[lastApplied] && dryRun !== 'client') {
        env.out.err(
          `Warning: resource ${mapping.qualifiedResource}/${obj.metadata?.name} is missing the ${lastApplied} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
        );
      }
      if (dryRun === 'client') {
        printResult(env, live.ok ? live.value : obj, live.ok ? 'configured' : 'created', dryRun, format);
        continue;
      }
      const res = env.cluster.apply(m.kind, obj as never, { dryRun: dryRun === 'server', fieldValidation, warnings });
      printServerWarnings(env, warnings);
      if (!res.ok) {
        errors.push(withSource(res.status, live.ok ? 'applying patch' : 'creating', m.source));
        continue;
      }
      printResult(env, res.value.object as KubeObject, res.value.result, dryRun, format);
    }
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    return undefined;
  },
};
