/** Page object: the Terminal dock tab (xterm.js), its sub-tabs and what it printed. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class TerminalPane {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId(`${testIds.dockTab}-terminal`).click();
    await expect(this.active.locator('.xterm-rows')).toBeVisible();
  }

  /** The visible terminal session. */
  get active(): Locator {
    return this.page.getByTestId('terminal-active');
  }

  async newTab(): Promise<void> {
    await this.page.getByTestId('terminal-new').click();
  }

  async tab(n: number): Promise<void> {
    await this.page.getByTestId(`terminal-tab-${n}`).click();
  }

  /** Types a command and presses Enter, key by key as a user would. */
  async run(line: string): Promise<void> {
    await this.active.locator('.xterm-screen').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async press(key: string): Promise<void> {
    await this.active.locator('.xterm-screen').click();
    await this.page.keyboard.press(key);
  }

  /** What the visible terminal printed, as lines (wrapped rows joined back), read from xterm's buffer. */
  async text(): Promise<string> {
    const session = await this.active.getAttribute('data-session');
    return this.page.evaluate((s) => window.svcsim?.terminalText?.(s ?? '') ?? '', session);
  }

  async expectText(re: RegExp | string): Promise<void> {
    await expect.poll(() => this.text(), { timeout: 15_000 }).toMatch(typeof re === 'string' ? new RegExp(escapeRegExp(re)) : re);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
