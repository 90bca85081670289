/**
 * A bare apiserver with every registry strategy and no controllers, for admission tests: what a create or
 * update stores is exactly what defaulting, admission and validation make of it.
 */
import { createPrng } from '../../shared/prng';
import { ApiServer } from '../apiserver/apiServer';
import { VirtualClock } from '../clock';
import { defaultConfig } from '../config';
import { ObjectStore } from '../store/objectStore';
import { registerStrategies } from './strategies';

/** An apiserver over an empty store with the `default` namespace, frozen stored objects, seed 1. */
export function newAdmissionTestApi(): ApiServer {
  const config = defaultConfig({ freezeObjects: true });
  const api = new ApiServer(new ObjectStore(), new VirtualClock(config.startTime), createPrng(config.seed), config);
  registerStrategies(api);
  api.create('Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return api;
}
