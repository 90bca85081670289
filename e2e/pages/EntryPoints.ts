/** Page object: where traffic enters, on the canvas (NodePorts on node boxes, LoadBalancer boxes) and kube-proxy's last sync. */
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class EntryPoints {
  constructor(readonly page: Page) {}

  /** One node box's NodePort entries. */
  nodePorts(node: string): Locator {
    return this.page.getByTestId(`${testIds.nodePorts}-${node}`).getByTestId(testIds.nodePortEntry);
  }

  loadBalancer(service: string): Locator {
    return this.page.locator(`[data-testid="${testIds.loadBalancerIP}"][data-service="${service}"]`);
  }

  sync(node: string): Locator {
    return this.page.getByTestId(`${testIds.kubeProxySync}-${node}`);
  }

  /** The node's kube-proxy in the Inspector (the node selected): `iptables · synced 3s ago · 12 syncs`. */
  syncCount(node: string): Locator {
    return this.page.getByTestId(`${testIds.kubeProxySyncCount}-${node}`);
  }

  async syncCountOf(node: string): Promise<number> {
    return Number(/ (\d+) syncs?$/.exec((await this.syncCount(node).textContent()) ?? '')?.[1] ?? Number.NaN);
  }
}
