/**
 * How `kubectl explain` reads its argument (kubernetes/kubectl v0.34.0 pkg/explain/explain.go): the first name
 * is the resource, resolved through the RESTMapper (`svc`, `deploy`, `pods`, `Pod`), the rest is the field path.
 * Without --api-version a `resource.group` prefix is recognised (`deployments.apps.spec`); with it, every name
 * after the first is a field (SplitAndParseResourceRequest).
 */
import { CommandError, fail } from '../cli/errors';
import { lookupMapping, type Mapping } from '../resources/resourceMapper';

export interface ResourceRequest {
  mapping: Mapping;
  fieldPath: string[];
}

/** The names of a `{.a.b.c}` JSONPath made of field nodes only (the trailing `.` is dropped, as kubectl does). */
function fieldNodes(input: string): string[] {
  const names = input.replace(/\.$/, '').split('.');
  // `a..b` is a recursive-descent node, `a[0]` an array node: kubectl wants field nodes only
  if (names.some((n) => !/^[^\s[\]{}()*@$,'"=!<>?|]+$/.test(n))) throw fail('invalid jsonpath syntax, first node must be field node');
  return names;
}

/**
 * meta.NoResourceMatchError as checkErr prints it: without the `error: ` prefix other errors get
 * (kubernetes/kubectl v0.34.0 pkg/cmd/util/helpers.go checkErr).
 */
function noResourceMatch(resource: string): CommandError {
  return new CommandError({ type: 'exitStatus', message: `the server doesn't have a resource type "${resource}"`, code: 1 });
}

/** SplitAndParseResourceRequestWithMatchingPrefix (no --api-version) or SplitAndParseResourceRequest. */
export function parseResourceRequest(input: string, matchingPrefix: boolean): ResourceRequest {
  const [resource, ...rest] = fieldNodes(input);
  const mapping = lookupMapping(resource);
  if (!mapping) throw noResourceMatch(resource);
  if (matchingPrefix && input.startsWith(mapping.qualifiedResource)) {
    // `deployments.apps.spec`: what follows the group-qualified resource is the field path
    const suffix = input.slice(mapping.qualifiedResource.length).replace(/^\./, '');
    return { mapping, fieldPath: suffix && suffix !== '.' ? fieldNodes(suffix) : [] };
  }
  return { mapping, fieldPath: rest };
}
