/**
 * cli-runtime's resource Builder (`pkg/resource/builder.go`) for what users type after a verb: `TYPE`,
 * `TYPE NAME...`, `TYPE1,TYPE2 NAME`, `TYPE/NAME...`, with `-l`, `--field-selector`, `--all` and `-A`, and the
 * exact builder errors. `buildRequest` decides what to ask the apiserver; `fetchInfos` asks it, continuing after
 * errors (ContinueOnError) and printing the Endpoints deprecation warning the server would send.
 */
import type { KubeObject } from '../../engine';
import type { CommandEnv } from '../cli/command';
import { type KubeError, fail } from '../cli/errors';
import { readManifestObjects } from './manifestInput';
import { type Mapping, mappingFor, mappingForKind, replaceAliases, splitResourceArgument } from './resourceMapper';

export const endpointsDeprecationWarning = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

export const missingResourceMessage = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export type ResourceRequest =
  | { type: 'selector'; mappings: Mapping[]; labelSelector: string; fieldSelector: string }
  | { type: 'names'; items: { mapping: Mapping; name: string; namespace?: string }[]; singleItemImplied: boolean };

export interface BuilderInput {
  args: readonly string[];
  /** Namespace of the request; '' with --all-namespaces. */
  namespace: string;
  allNamespaces: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** `--all` (delete, label). */
  selectAll?: boolean;
  /** `ResourceTypeOrNameArgs(allowEmptySelector, ...)`: a bare type lists everything (get, describe). */
  allowEmptySelector: boolean;
  /** `SingleResourceType()` (get --watch). */
  singleResourceType?: boolean;
}

/** `normalizeMultipleResourcesArgs`: `a,b NAME` becomes `a/NAME b/NAME`. */
function normalizeArgs(args: readonly string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]);
    if (resources.length > 1) return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
  }
  return [...args];
}

function mappingsOf(resources: readonly string[], single: boolean | undefined): Mapping[] {
  if (resources.length > 1 && single) throw fail('you may only specify a single resource type');
  const out: Mapping[] = [];
  for (const r of resources) {
    const m = mappingFor(r);
    if (!out.some((x) => x.kind === m.kind)) out.push(m);
  }
  return out;
}

function requireNamespace(mapping: Mapping, input: BuilderInput): void {
  if (mapping.namespaced && input.namespace === '') {
    throw fail(input.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name');
  }
}

/** Turns arguments and selector flags into one apiserver request plan, or throws the builder's error. */
export function buildRequest(input: BuilderInput): ResourceRequest {
  const args = normalizeArgs(input.args);
  let labelSelector = input.labelSelector?.trim() ? input.labelSelector.trim() : undefined;
  const fieldSelector = input.fieldSelector?.trim() ? input.fieldSelector.trim() : undefined;
  const tuples: { resource: string; name: string }[] = [];
  let resources: string[] = [];
  let names: string[] = [];
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0) {
    if (slashes !== args.length) {
      throw fail(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    for (const a of args) {
      const seg = a.split('/');
      if (seg.length !== 2) throw fail('arguments in resource/name form may not have more than one slash');
      const [resource, name] = seg;
      if (!resource || !name || splitResourceArgument(resource).length !== 1) throw fail('arguments in resource/name form must have a single resource and name');
      tuples.push({ resource, name });
    }
  } else if (args.length > 0) {
    resources = splitResourceArgument(replaceAliases(args[0]));
    names = args.slice(1);
    if (args.length === 1 && input.allowEmptySelector && labelSelector === undefined) labelSelector = '';
  }
  if (input.selectAll) labelSelector = '';

  if (labelSelector !== undefined || fieldSelector !== undefined) {
    if (names.length > 0) throw fail('name cannot be provided when a selector is specified');
    if (tuples.length > 0) throw fail('selectors and the all flag cannot be used when passing resource/name arguments');
    if (resources.length === 0) throw fail('at least one resource must be specified to use a selector');
    return { type: 'selector', mappings: mappingsOf(resources, input.singleResourceType), labelSelector: labelSelector ?? '', fieldSelector: fieldSelector ?? '' };
  }
  if (tuples.length > 0) {
    const items = tuples.map((t) => ({ mapping: mappingFor(t.resource), name: t.name }));
    if (input.singleResourceType && new Set(items.map((i) => i.mapping.kind)).size > 1) throw fail('you may only specify a single resource type');
    for (const i of items) requireNamespace(i.mapping, input);
    return { type: 'names', items, singleItemImplied: tuples.length === 1 };
  }
  if (names.length > 0) {
    if (resources.length === 0) throw fail('you must provide a resource and a resource name together');
    if (resources.length > 1) throw fail('you must specify only one resource');
    const mapping = mappingFor(resources[0]);
    requireNamespace(mapping, input);
    return { type: 'names', items: names.map((name) => ({ mapping, name })), singleItemImplied: names.length === 1 };
  }
  if (resources.length > 0) {
    for (const r of resources) mappingFor(r);
    throw fail('resource(s) were provided, but no name was specified');
  }
  throw fail(missingResourceMessage);
}

/**
 * FilenameParam + Latest: the objects named in `-f` manifests, read back from the server in their own
 * namespace (or the command's).
 */
export function requestFromFiles(env: CommandEnv, filenames: readonly string[], args: readonly string[]): ResourceRequest {
  if (args.length > 0) throw fail('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  const objects = readManifestObjects(env, filenames);
  return {
    type: 'names',
    items: objects.map((o) => ({ mapping: mappingForKind(o.kind as Mapping['kind']), name: o.metadata?.name ?? '', namespace: o.metadata?.namespace })),
    singleItemImplied: objects.length === 1,
  };
}

/** buildRequest, or requestFromFiles when `-f` was given. */
export function requestFor(env: CommandEnv, input: BuilderInput, filenames: readonly string[]): ResourceRequest {
  return filenames.length > 0 ? requestFromFiles(env, filenames, input.args) : buildRequest(input);
}

/** One result of a request: a listed collection, or one object fetched by name. */
export interface ResourceInfo {
  mapping: Mapping;
  objects: KubeObject[];
  isList: boolean;
  /** The list's resourceVersion (where a watch starts). */
  resourceVersion?: string;
  /** For objects fetched by name. */
  name?: string;
}

/** `cli-runtime EnhanceListError`: BadRequest/NotFound list errors name the resource and selectors. */
function enhanceListError(e: KubeError, mapping: Mapping, labelSelector: string, fieldSelector: string): KubeError {
  if (e.type !== 'status' || (e.status.reason !== 'BadRequest' && e.status.reason !== 'NotFound')) return e;
  const subj = `${mapping.group}/${mapping.version}, Resource=${mapping.resource}`;
  const message =
    labelSelector || fieldSelector
      ? `Unable to find "${subj}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${e.status.message}`
      : `Unable to list "${subj}": ${e.status.message}`;
  return { type: 'status', status: { ...e.status, message } };
}

/** Sends the requests of a plan; errors are collected, not thrown (ContinueOnError). */
export function fetchInfos(env: CommandEnv, request: ResourceRequest, namespace: string): { infos: ResourceInfo[]; errors: KubeError[] } {
  const infos: ResourceInfo[] = [];
  const errors: KubeError[] = [];
  const warnFor = (m: Mapping) => {
    if (m.kind === 'Endpoints') env.warn(endpointsDeprecationWarning);
  };
  if (request.type === 'selector') {
    for (const mapping of request.mappings) {
      warnFor(mapping);
      const res = env.cluster.list(mapping.kind, {
        namespace: mapping.namespaced && namespace ? namespace : undefined,
        labelSelector: request.labelSelector || undefined,
        fieldSelector: request.fieldSelector || undefined,
      });
      if (!res.ok) {
        errors.push(enhanceListError({ type: 'status', status: res.status }, mapping, request.labelSelector, request.fieldSelector));
        continue;
      }
      infos.push({ mapping, objects: [...res.value.items], isList: true, resourceVersion: res.value.resourceVersion });
    }
    return { infos, errors };
  }
  for (const { mapping, name, namespace: own } of request.items) {
    warnFor(mapping);
    const res = env.cluster.get(mapping.kind, mapping.namespaced ? own || namespace : undefined, name);
    if (!res.ok) {
      errors.push({ type: 'status', status: res.status });
      continue;
    }
    infos.push({ mapping, objects: [res.value], isList: false, name });
  }
  return { infos, errors };
}
