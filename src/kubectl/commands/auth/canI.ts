/**
 * `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL` and `can-i --list` (kubectl v0.34.0
 * `pkg/cmd/auth/cani.go`) for kind's admin, bound to `cluster-admin`: every SelfSubjectAccessReview is allowed,
 * so the answer is `yes` in any namespace, for any verb, known or not. What differs is what kubectl says on the
 * way: a type the server's discovery does not list, a cluster-scoped type checked in a namespace and an unknown
 * verb each print a warning (WarningPrinter: `Warning: ` and the message, whose own `\n` leaves a blank line).
 * The server here is the simulated one, so a type it does not serve (jobs) is warned about as such.
 */
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { fail } from '../../cli/errors';
import { lookupMapping } from '../../resources/resourceMapper';
import { accessList } from './adminRules';

const resourceVerbs: readonly string[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const nonResourceURLVerbs: readonly string[] = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];
/** Resources the server accepts that discovery cannot list (the impersonate verb's users and groups). */
const nonStandardResourceNames: readonly string[] = ['users', 'groups'];

/** The resolved TYPE: known to discovery (with its scope) or taken as typed. */
type Resource = { known: true; resource: string; group: string; namespaced: boolean } | { known: false; empty: boolean };

/** Impersonation would ask about another user, whose RBAC svcsim does not model. */
export function refuseImpersonation(env: CommandEnv): void {
  const f = env.flags;
  if (f.string('as') || f.strings('as-group').length > 0 || f.string('as-uid')) {
    throw fail(`${env.path} --as is not simulated yet: svcsim models no RBAC, only kind's cluster-admin user`);
  }
}

/** `resourceFor`: the RESTMapper's resolution, warning when the server has no such type. */
function resourceFor(arg: string, warn: (m: string) => void): Resource {
  if (arg === '*') return { known: true, resource: '*', group: '', namespaced: true };
  const lower = arg.toLowerCase();
  const mapping = lookupMapping(lower);
  if (mapping) return { known: true, resource: mapping.resource, group: mapping.group, namespaced: mapping.namespaced };
  // schema.ParseGroupResource: the resource up to the first dot, the group after it
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!nonStandardResourceNames.includes(lower)) {
    warn(group ? `the server doesn't have a resource type '${resource}' in group '${group}'\n` : `the server doesn't have a resource type '${resource}'\n`);
  }
  // the GroupVersionResource{Resource: arg} it falls back to is Empty() for an empty TYPE
  return { known: false, empty: arg === '' };
}

export const canICommand: KubectlCommand = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  use: 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'list', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
  ],
  run(env) {
    const f = env.flags;
    refuseImpersonation(env);
    const warn = (message: string) => env.out.err(`Warning: ${message}\n`);
    const listing = f.bool('list');
    let verb = '';
    let nonResourceURL = '';
    let resource: Resource | undefined;
    // Complete
    if (listing) {
      if (env.args.length !== 0) throw fail('list option must be specified with no arguments');
    } else {
      if (env.args.length !== 2) throw fail("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
      verb = env.args[0];
      if (env.args[1].startsWith('/')) nonResourceURL = env.args[1];
      else resource = resourceFor(env.args[1].split('/')[0], warn);
    }
    // Validate
    const allNamespaces = f.bool('all-namespaces');
    const subresource = f.string('subresource');
    if (listing) {
      if (f.bool('quiet') || allNamespaces || subresource) throw fail("list option can't be specified with neither quiet, all-namespaces nor subresource options");
      env.out.out(accessList(f.bool('no-headers')));
      return undefined;
    }
    if (nonResourceURL) {
      if (subresource) throw fail('--subresource can not be used with NonResourceURL');
      if (!nonResourceURLVerbs.includes(verb)) warn(`verb '${verb}' is not a known verb\n`);
    } else if (!allNamespaces && !(resource && !resource.known && resource.empty)) {
      // isNamespaced asks discovery about the resolved type; a type it could not resolve has no group version
      if (resource?.known && !resource.namespaced) {
        warn(resource.group ? `resource '${resource.resource}' is not namespace scoped in group '${resource.group}'\n` : `resource '${resource.resource}' is not namespace scoped\n`);
      }
      if (!resourceVerbs.includes(verb)) warn(`verb '${verb}' is not a known verb\n`);
    }
    if (f.bool('no-headers')) throw fail('--no-headers cannot be set without --list specified');
    // RunAccessCheck: cluster-admin is allowed every verb on every resource and URL, in every namespace
    if (!f.bool('quiet')) env.out.out('yes\n');
    return undefined;
  },
};
