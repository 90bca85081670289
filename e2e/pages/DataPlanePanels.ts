/** Page object: the bottom dock's Rules and Traffic views, and kube-proxy's mode on the node boxes. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class DataPlanePanels {
  constructor(readonly page: Page) {}

  /** Below 900 px the panels are tabs: the bottom dock (terminals, Rules, Traffic) is the Terminal tab. */
  private async showBottomDock(): Promise<void> {
    const narrow = this.page.getByTestId(`${testIds.narrowTab}-terminal`);
    if (await narrow.isVisible()) await narrow.click();
  }

  async openRules(): Promise<void> {
    await this.showBottomDock();
    await this.page.getByTestId(`${testIds.dockTab}-rules`).click();
    await expect(this.page.getByTestId(testIds.rulesView)).toBeVisible();
  }

  async openTraffic(): Promise<void> {
    await this.showBottomDock();
    await this.page.getByTestId(`${testIds.dockTab}-traffic`).click();
    await expect(this.page.getByTestId(testIds.trafficView)).toBeVisible();
  }

  get ruleLines(): Locator {
    return this.page.getByTestId(testIds.rulesLines);
  }

  /** Rule lines an endpoint change added or changed since the view last looked (highlighted). */
  get changedRuleLines(): Locator {
    return this.ruleLines.locator('.rule-changed');
  }

  /** Rule lines that change removed (struck through). */
  get removedRuleLines(): Locator {
    return this.ruleLines.locator('.rule-removed');
  }

  get rulesMode(): Locator {
    return this.page.getByTestId(testIds.rulesMode);
  }

  async chooseRules(node: string, service: string): Promise<void> {
    await this.page.getByTestId(testIds.rulesNode).selectOption(node);
    await this.page.getByTestId(testIds.rulesService).selectOption(service);
  }

  /** Types the count with real key presses and sends. */
  async send(target: string, count: number): Promise<void> {
    await this.page.getByTestId(testIds.trafficTarget).selectOption(target);
    const input = this.page.getByTestId(testIds.trafficCount);
    await input.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(String(count));
    await this.page.getByTestId(testIds.trafficSend).click();
  }

  get bars(): Locator {
    return this.page.getByTestId(testIds.trafficBar);
  }

  get trace(): Locator {
    return this.page.getByTestId(testIds.trafficTrace);
  }

  /** The Rules view's mode switch (ConfigMap edit + DaemonSet restart in the engine). */
  async switchMode(mode: string): Promise<void> {
    await this.page.getByTestId(testIds.proxyModeSelect).selectOption(mode);
    await this.page.getByTestId(testIds.proxyModeSwitch).click();
  }

  nodeMode(node: string): Locator {
    return this.page.getByTestId(`${testIds.kubeProxyMode}-${node}`);
  }
}
