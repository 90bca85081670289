/**
 * The pod `kubectl exec` and `kubectl attach` connect to: the builder's resource (a pod name, or TYPE/NAME), then
 * polymorphichelpers.AttachablePodForObjectFn's pick (the first pod of a deployment/NAME, service/NAME, …), read
 * fresh from the apiserver.
 */
import type { Pod } from '../../engine/api/types';
import type { CommandEnv } from '../cli/command';
import { CommandError } from '../cli/errors';
import { attachablePodForObject } from '../resources/podSelection';
import { fetchInfos, requestFor } from '../resources/resourceBuilder';

/** `resource` is `NAME` (a pod) or `TYPE/NAME`. */
export function fetchAttachablePod(env: CommandEnv, resource: string, timeoutMs: number): Pod {
  const request = requestFor(env, { args: [resource.includes('/') ? resource : `pods/${resource}`], namespace: env.namespace, allNamespaces: false, allowEmptySelector: false }, []);
  const { infos, errors } = fetchInfos(env, request, env.namespace);
  if (errors.length > 0) throw new CommandError(errors[0]);
  const chosen = attachablePodForObject(env, infos[0].objects[0], infos[0].mapping.kind, timeoutMs);
  const got = env.cluster.get('Pod', chosen.metadata?.namespace ?? env.namespace, chosen.metadata?.name ?? '');
  if (!got.ok) throw new CommandError({ type: 'status', status: got.status });
  return got.value;
}
