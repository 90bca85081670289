/** Registers one strategy per kind with the apiserver. */
import type { ApiServer } from '../apiserver/apiServer';
import { deploymentStrategy } from './deploymentStrategy';
import { endpointSliceStrategy } from './endpointSliceStrategy';
import { endpointsStrategy } from './endpointsStrategy';
import { eventStrategy } from './eventStrategy';
import { namespaceStrategy } from './namespaceStrategy';
import { nodeStrategy } from './nodeStrategy';
import { podStrategy } from './podStrategy';
import { replicaSetStrategy } from './replicaSetStrategy';
import { serviceStrategy } from './serviceStrategy';
import { daemonSetStrategy } from './daemonSetStrategy';
import { configMapStrategy } from './configMapStrategy';
import { secretStrategy } from './secretStrategy';
import { statefulSetStrategy } from './statefulSetStrategy';
import { controllerRevisionStrategy } from './controllerRevisionStrategy';

export function registerStrategies(api: ApiServer): void {
  api.register(namespaceStrategy);
  api.register(nodeStrategy);
  api.register(podStrategy);
  api.register(serviceStrategy);
  api.register(endpointsStrategy);
  api.register(endpointSliceStrategy);
  api.register(eventStrategy);
  api.register(deploymentStrategy);
  api.register(replicaSetStrategy);
  api.register(daemonSetStrategy);
  api.register(statefulSetStrategy);
  api.register(controllerRevisionStrategy);
  api.register(configMapStrategy);
  api.register(secretStrategy);
}
