/**
 * `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER=IMAGE ...` (kubectl `pkg/cmd/set/set_image.go`,
 * `polymorphichelpers/updatepodspec.go`). The pod template (or the pod's spec) gets the new images and the
 * difference goes to the server as a strategic merge patch keyed by container name; the object prints
 * `<kind>/<name> image updated`. An object whose images already match is skipped without output; an unknown
 * container is `error: unable to find container named "x"`.
 */
import type { KubeObject } from '../../engine';
import type { Container } from '../../engine/api/types';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { parsePairs, resourcesAndPairs } from '../cli/pairs';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';
import type { Mapping } from '../resources/resourceMapper';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

/** Where each kind keeps the pod spec it runs (`updatePodSpecForObject`: a pod's own spec, the workloads' template). */
function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'DaemonSet' || kind === 'StatefulSet') return ['spec', 'template', 'spec'];
  return undefined;
}

function nested(obj: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let cur = obj as Record<string, unknown> | undefined;
  for (const p of path) cur = cur?.[p] as Record<string, unknown> | undefined;
  return cur;
}

function wrap(path: readonly string[], leaf: unknown): Record<string, unknown> {
  return path.reduceRight<Record<string, unknown>>((acc, key) => ({ [key]: acc }), leaf as Record<string, unknown>);
}

/** `setImage`: changes matching containers in place; whether any matched. */
function setImage(containers: Container[], name: string, image: string): boolean {
  let found = false;
  for (const c of containers) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

/** The strategic merge patch of the containers whose image changed (CreateTwoWayMergePatch keys them by name). */
function changedContainers(before: readonly Container[] | undefined, after: readonly Container[]): { image?: string; name: string }[] {
  return after.filter((c, i) => before?.[i]?.image !== c.image).map((c) => ({ image: c.image, name: c.name }));
}

function updateOne(env: CommandEnv, mapping: Mapping, obj: KubeObject, images: Map<string, string>, errors: KubeError[]): void {
  const path = podSpecPath(mapping.kind);
  if (!path) {
    // the error text carries a newline of its own (`"error: %s %v\n"`)
    errors.push({ type: 'message', message: `error: ${mapping.qualifiedResource}/${obj.metadata?.name ?? ''} the object is not a pod or does not have a pod template: *v1.${mapping.kind}\n` });
    return;
  }
  const spec = nested(obj, path) as { containers?: Container[]; initContainers?: Container[] } | undefined;
  const containers = (spec?.containers ?? []).map((c) => ({ ...c }));
  const initContainers = (spec?.initContainers ?? []).map((c) => ({ ...c }));
  for (const [name, image] of images) {
    const inInit = setImage(initContainers, name, image);
    const inMain = setImage(containers, name, image);
    if (!inInit && !inMain) errors.push({ type: 'message', message: `error: unable to find container named "${name}"` });
  }
  const patchSpec: Record<string, unknown> = {};
  const changed = changedContainers(spec?.containers, containers);
  if (changed.length > 0) patchSpec.containers = changed;
  const changedInit = changedContainers(spec?.initContainers, initContainers);
  if (changedInit.length > 0) patchSpec.initContainers = changedInit;
  if (Object.keys(patchSpec).length === 0) return;
  const dryRun = dryRunStrategy(env.flags);
  if (dryRun === 'client') {
    const updated = structuredClone(obj) as unknown as Record<string, unknown>;
    const target = nested(updated, path) as Record<string, unknown>;
    target.containers = containers;
    if (initContainers.length > 0) target.initContainers = initContainers;
    printResult(env, updated as unknown as KubeObject, 'image updated', dryRun, writeOutputFormat(env));
    return;
  }
  const res = env.cluster.patch(mapping.kind, obj.metadata?.namespace, obj.metadata?.name ?? '', 'strategic', wrap(path, patchSpec), { dryRun: dryRun === 'server' });
  if (!res.ok) {
    errors.push({ type: 'message', message: `failed to patch image update to pod template: ${res.status.message}` });
    return;
  }
  printResult(env, res.value as KubeObject, 'image updated', dryRun, writeOutputFormat(env));
}

export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  use: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-set' },
    { name: 'record', type: 'bool' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const f = env.flags;
    if (f.changed('record')) env.out.err('Flag --record has been deprecated, --record will be removed in the future\n');
    dryRunStrategy(f);
    writeOutputFormat(env);
    const { resources, pairs } = resourcesAndPairs(env.args, 'image');
    const { add: images } = parsePairs(pairs, 'image', false);
    if (f.bool('local')) throw fail('kubectl set image --local is not simulated yet; update objects on the server');
    const request = requestFor(
      env,
      { args: resources, namespace: env.namespace, allNamespaces: false, labelSelector: f.string('selector'), selectAll: f.bool('all'), allowEmptySelector: false },
      f.strings('filename'),
    );
    // Complete() fetches everything before Validate(): a missing object stops the command at once
    const { infos, errors: fetchErrors } = fetchInfos(env, request, env.namespace);
    if (fetchErrors.length > 0) throw new CommandError(aggregate(fetchErrors) as KubeError);
    const invalid: KubeError[] = [];
    if (f.bool('all') && f.string('selector')) invalid.push({ type: 'message', message: 'cannot set --all and --selector at the same time' });
    if (resources.length < 1 && f.strings('filename').length === 0) {
      invalid.push({ type: 'message', message: 'one or more resources must be specified as <resource> <name> or <resource>/<name>' });
    }
    if (images.size < 1) invalid.push({ type: 'message', message: 'at least one image update is required' });
    else if (images.size > 1 && images.has('*')) {
      invalid.push({ type: 'message', message: 'all containers are already specified by *, but saw more than one container_name=container_image pairs' });
    }
    const invalidErr = aggregate(invalid);
    if (invalidErr) throw new CommandError(invalidErr);
    const errors: KubeError[] = [];
    for (const info of infos) for (const obj of info.objects) updateOne(env, info.mapping, obj, images, errors);
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    return undefined;
  },
};
