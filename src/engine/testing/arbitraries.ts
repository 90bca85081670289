/** fast-check generators of cluster operations (test-only). */
import fc from 'fast-check';
import { apps, images, type Op, tiers } from './randomOps';

const name = fc.constantFrom('web', 'api', 'alpaca-prod', 'alpaca-test', 'db');

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('createDeployment' as const),
    name,
    app: fc.constantFrom(...apps),
    tier: fc.constantFrom(...tiers),
    replicas: fc.integer({ min: 0, max: 5 }),
    image: fc.constantFrom(...images),
  }),
  fc.record({ op: fc.constant('scale' as const), name, replicas: fc.integer({ min: 0, max: 6 }) }),
  fc.record({
    op: fc.constant('createService' as const),
    name,
    selector: fc.oneof(
      fc.record({ app: fc.constantFrom(...apps) }),
      fc.record({ app: fc.constantFrom(...apps), tier: fc.constantFrom(...tiers) }),
    ),
    port: fc.constantFrom(80, 8080, 8000),
    type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const),
    nodePort: fc.option(fc.integer({ min: 29990, max: 30090 }), { nil: undefined }),
  }),
  fc.record({ op: fc.constant('deleteService' as const), name }),
  fc.record({ op: fc.constant('deleteDeployment' as const), name }),
  fc.record({ op: fc.constant('deletePod' as const), index: fc.nat(50), grace: fc.option(fc.constantFrom(0, 1, 30), { nil: undefined }) }),
  fc.record({ op: fc.constant('relabelPod' as const), index: fc.nat(50), app: fc.constantFrom(...apps) }),
  fc.record({ op: fc.constant('createPod' as const), name: fc.constantFrom('solo', 'alpaca-prod', 'client'), app: fc.constantFrom(...apps), image: fc.constantFrom(...images) }),
  fc.record({ op: fc.constant('setReady' as const), index: fc.nat(50), ready: fc.boolean() }),
  fc.record({ op: fc.constant('stopNode' as const), index: fc.nat(3) }),
  fc.record({ op: fc.constant('startNode' as const), index: fc.nat(3) }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.constantFrom(0, 500, 2_000, 10_000, 45_000, 400_000) }),
);
