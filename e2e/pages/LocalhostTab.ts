/** Page object: the "localhost:PORT" dock tab (kuard's pages through a port-forward) and the DNS view. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class LocalhostTab {
  constructor(readonly page: Page) {}

  /** Below 900 px the panels are tabs: the bottom dock is the Terminal tab. */
  private async showBottomDock(): Promise<void> {
    const narrow = this.page.getByTestId(`${testIds.narrowTab}-terminal`);
    if (await narrow.isVisible()) await narrow.click();
  }

  tab(port: number): Locator {
    return this.page.getByTestId(`${testIds.dockTab}-localhost:${port}`);
  }

  async open(port: number): Promise<void> {
    await this.showBottomDock();
    await expect(this.tab(port)).toBeVisible({ timeout: 15_000 });
    await this.tab(port).click();
    await expect(this.view).toBeVisible();
  }

  get view(): Locator {
    return this.page.locator(`[data-testid="dock-panel-localhost:${this.portShown}"]`).getByTestId(testIds.localhostView);
  }

  private portShown = 0;

  /** Opens the tab of `port` and remembers it, so the locators below address that tab's page. */
  async show(port: number): Promise<void> {
    this.portShown = port;
    await this.open(port);
  }

  get hostname(): Locator {
    return this.view.getByTestId(testIds.kuardHostname);
  }

  async nav(page: 'request' | 'env' | 'liveness' | 'readiness' | 'dns'): Promise<void> {
    await this.view.getByTestId(`${testIds.kuardNav}-${page}`).click();
  }

  /** kuard's DNS Query form, typed with real key presses. */
  async dnsQuery(type: string, name: string): Promise<void> {
    await this.nav('dns');
    const typeInput = this.view.getByTestId(testIds.kuardDnsType);
    await typeInput.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(type);
    await this.view.getByTestId(testIds.kuardDnsName).click();
    await this.page.keyboard.type(name);
    await this.view.getByTestId(testIds.kuardDnsQuery).click();
  }

  get dnsResult(): Locator {
    return this.view.getByTestId(testIds.kuardDnsResult);
  }

  /** kuard's Server Env page: one row per variable. */
  envValue(name: string): Locator {
    return this.view.getByTestId(testIds.kuardEnv).locator('tr').filter({ has: this.page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) }).locator('td').nth(1);
  }

  get probeStatus(): Locator {
    return this.view.getByTestId(testIds.kuardProbeStatus);
  }

  get probeNote(): Locator {
    return this.view.getByTestId(testIds.kuardProbeNote);
  }

  async failProbe(): Promise<void> {
    await this.view.getByTestId(testIds.kuardProbeFail).click();
  }

  async succeedProbe(): Promise<void> {
    await this.view.getByTestId(testIds.kuardProbeSucceed).click();
  }

  /** The DNS view: from a pod, a name and a type. */
  async openDnsView(): Promise<void> {
    await this.showBottomDock();
    await this.page.getByTestId(`${testIds.dockTab}-dns`).click();
    await expect(this.page.getByTestId(testIds.dnsView)).toBeVisible();
  }

  async dnsViewQuery(pod: string, name: string, type: string): Promise<void> {
    await this.page.getByTestId(testIds.dnsPod).selectOption(pod);
    await this.page.getByTestId(testIds.dnsType).selectOption(type);
    const input = this.page.getByTestId(testIds.dnsName);
    await input.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(name);
    await this.page.getByTestId(testIds.dnsQuery).click();
  }

  get dnsTried(): Locator {
    return this.page.getByTestId(testIds.dnsTried).locator('li');
  }

  get dnsAnswer(): Locator {
    return this.page.getByTestId(testIds.dnsAnswer);
  }
}
