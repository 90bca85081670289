/**
 * Builds every control-plane and node component in the order the cluster's run loop serves their queues.
 * The order is fixed so that runs are deterministic; each controller still only learns of changes through
 * its informers.
 */
import type { SimulationControls } from '../simulation';
import type { Controller, ControllerContext } from './controller';
import { createDeploymentController } from './deployment/deploymentController';
import { createEndpointsController } from './endpoint/endpointsController';
import { createEndpointSliceController } from './endpointslice/endpointSliceController';
import { createGarbageCollector } from './garbagecollector/garbageCollector';
import { createNamespaceController } from './namespace/namespaceController';
import { createNodeLifecycleController } from './nodelifecycle/nodeLifecycleController';
import { createReplicaSetController } from './replicaset/replicaSetController';
import { createDaemonSetController } from './daemonset/daemonSetController';
import { createStatefulSetController } from './statefulset/statefulSetController';
import { createRootCaCertPublisher } from './rootcacertpublisher/rootCaCertPublisher';
import { createLoadBalancerController } from './servicelb/loadBalancerController';
import { createScheduler } from '../scheduler/scheduler';
import { createKubelet } from '../kubelet/kubelet';
import type { KubeletRuntimeView } from '../kubelet/runtimeView';
import { createKubeProxy, type KubeProxies } from '../proxy/kubeProxy';
import { ServiceChangeTracker } from '../proxy/serviceChangeTracker';
import { createCorednsReloader } from '../dns/coredns/corednsReloader';

export interface BuiltControllers {
  controllers: Controller[];
  simulation: SimulationControls;
  /** What runs on the nodes (apps, their logs), read by `kubectl logs` and port-forward. */
  runtime: KubeletRuntimeView;
  /** Each node's kube-proxy and the rules it renders. */
  proxies: KubeProxies;
}

export function createControllers(ctx: ControllerContext): BuiltControllers {
  const kubelet = createKubelet(ctx);
  const kubeProxy = ctx.config.kubeProxies ? createKubeProxy(ctx) : withoutKubeProxies(ctx);
  const controllers: Controller[] = [
    createDeploymentController(ctx),
    createReplicaSetController(ctx),
    createDaemonSetController(ctx),
    createStatefulSetController(ctx),
    createScheduler(ctx),
    kubelet.controller,
    createNodeLifecycleController(ctx, kubelet.heartbeats),
    createEndpointsController(ctx),
    createEndpointSliceController(ctx),
    createLoadBalancerController(ctx),
    createGarbageCollector(ctx),
    createNamespaceController(ctx),
    createRootCaCertPublisher(ctx),
    kubeProxy.controller,
    createCorednsReloader(ctx, kubelet.runtime),
  ];
  return { controllers, simulation: kubelet.simulation, runtime: kubelet.runtime, proxies: kubeProxy.proxies };
}

/** The bench's control plane alone (`kubeProxies: false`): no node runs a kube-proxy, so none has rules. */
function withoutKubeProxies(ctx: ControllerContext): { controller: Controller; proxies: KubeProxies } {
  const proxies: KubeProxies = {
    tracker: new ServiceChangeTracker(),
    nodes: () => [],
    proxier: () => undefined,
    syncInfo: () => undefined,
    config: () => undefined,
  };
  return { controller: { name: 'kube-proxy', queue: ctx.newQueue('kube-proxy'), sync: () => undefined }, proxies };
}
