/** Page object: the Rules view's Compare column (another node, or the same node in another mode). */
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class RulesCompare {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId(testIds.rulesCompareToggle).click();
  }

  get column(): Locator {
    return this.page.getByTestId(testIds.rulesCompare);
  }

  get lines(): Locator {
    return this.page.getByTestId(testIds.rulesCompareLines);
  }

  async choose(node: string, mode: string): Promise<void> {
    await this.page.getByTestId(testIds.rulesCompareNode).selectOption(node);
    await this.page.getByTestId(testIds.rulesCompareMode).selectOption(mode);
  }
}
