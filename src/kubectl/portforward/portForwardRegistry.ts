/**
 * The localhost ports that running `kubectl port-forward` commands listen on. The host (terminal, CLI, tests)
 * supplies the registry in the KubectlContext, one per cluster, so a second forward on a taken port fails like
 * a bind on a real machine would, and a later `curl localhost:PORT` can find the forward.
 */
import type { KubectlContext, PortForward, PortForwardRegistry } from '../cli/command';

/** A registry of forwards by local port. */
export class LocalPortRegistry implements PortForwardRegistry {
  private readonly byPort = new Map<number, PortForward>();

  get(localPort: number): PortForward | undefined {
    return this.byPort.get(localPort);
  }

  add(forward: PortForward): boolean {
    if (this.byPort.has(forward.localPort)) return false;
    this.byPort.set(forward.localPort, forward);
    return true;
  }

  remove(forward: PortForward): void {
    if (this.byPort.get(forward.localPort) === forward) this.byPort.delete(forward.localPort);
  }

  ports(): number[] {
    return [...this.byPort.keys()];
  }
}

/**
 * The context's registry. Hosts (the playground's terminals, the CLI shell) supply one per cluster, so a
 * second forward on a taken port fails and a later `curl localhost:PORT` finds the forward; a bare context
 * gets a registry of its own run.
 */
export function portForwardsOf(ctx: KubectlContext): PortForwardRegistry {
  return ctx.portForwards ?? new LocalPortRegistry();
}

/**
 * A free port for `:REMOTE` (Linux hands out ephemeral ports from 32768-60999); picked from a hash of the pod and
 * port so that runs are reproducible, then the next free one.
 */
export function ephemeralPort(registry: PortForwardRegistry, seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const taken = new Set(registry.ports());
  const span = 60999 - 32768 + 1;
  for (let i = 0; i < span; i++) {
    const p = 32768 + ((h + i) % span);
    if (!taken.has(p)) return p;
  }
  return 0;
}
