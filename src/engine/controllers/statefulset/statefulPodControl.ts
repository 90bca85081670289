/**
 * How the StatefulSet controller writes its pods, with the Events it records for each request
 * (kubernetes/kubernetes `pkg/controller/statefulset/stateful_pod_control.go` `CreateStatefulPod`,
 * `UpdateStatefulPod`, `DeleteStatefulPod`, `recordPodEvent`): `SuccessfulCreate` "create Pod web-0 in
 * StatefulSet web successful", `FailedCreate` "create Pod web-0 in StatefulSet web failed error: …", and the
 * same for update and delete. Unlike the ReplicaSet's pods, a delete that finds no pod is recorded too.
 */
import type { Pod, StatefulSet } from '../../api/types';
import type { ControllerContext } from '../controller';

export type PodWrite = { ok: true } | { ok: false; error: string; reason?: string };

export interface StatefulPodControl {
  create(set: StatefulSet, pod: Pod): PodWrite;
  update(set: StatefulSet, pod: Pod): PodWrite;
  delete(set: StatefulSet, pod: Pod): PodWrite;
}

type Verb = 'create' | 'update' | 'delete';
const titled: Record<Verb, string> = { create: 'Create', update: 'Update', delete: 'Delete' };

export function statefulPodControl(ctx: ControllerContext, component: string): StatefulPodControl {
  const record = (verb: Verb, set: StatefulSet, pod: Pod, error?: string) => {
    const what = `${verb} Pod ${pod.metadata?.name ?? ''} in StatefulSet ${set.metadata?.name ?? ''}`;
    if (error === undefined) ctx.recorder.event(set, 'StatefulSet', { component }, 'Normal', `Successful${titled[verb]}`, `${what} successful`);
    else ctx.recorder.event(set, 'StatefulSet', { component }, 'Warning', `Failed${titled[verb]}`, `${what} failed error: ${error}`);
  };
  return {
    create(set, pod) {
      // validated (no hand-over): a long set name makes a pod-name label or hostname over 63 characters
      const res = ctx.api.create('Pod', pod);
      // an AlreadyExists is sunk without an event: the informer has not shown the pod yet
      if (!res.ok && res.status.reason === 'AlreadyExists') return { ok: false, error: res.status.message, reason: 'AlreadyExists' };
      record('create', set, pod, res.ok ? undefined : res.status.message);
      if (!res.ok) return { ok: false, error: res.status.message, reason: res.status.reason };
      // `createPersistentVolumeClaims` would create each claim first; svcsim serves no PersistentVolumeClaims,
      // so the pod mounts its claims as if a provisioner had bound them, and the cluster log says so
      const claims = (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
      if (claims.length) {
        const object = `Pod/${pod.metadata?.namespace}/${pod.metadata?.name}`;
        ctx.log.write(component, `svcsim does not simulate PersistentVolumeClaims: ${claims.join(', ')} taken as bound`, object);
      }
      return { ok: true };
    },
    update(set, pod) {
      const res = ctx.api.update('Pod', pod);
      record('update', set, pod, res.ok ? undefined : res.status.message);
      return res.ok ? { ok: true } : { ok: false, error: res.status.message, reason: res.status.reason };
    },
    delete(set, pod) {
      const res = ctx.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
      record('delete', set, pod, res.ok ? undefined : res.status.message);
      return res.ok ? { ok: true } : { ok: false, error: res.status.message, reason: res.status.reason };
    },
  };
}
