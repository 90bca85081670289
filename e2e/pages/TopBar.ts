/** Page object: the top bar's actions, which on a phone sit behind its "⋯" button. */
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class TopBar {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('banner');
  }

  get more(): Locator {
    return this.page.getByTestId(testIds.topbarMore);
  }

  /** An action by test id, made reachable first: on a narrow screen the "⋯" menu is opened. */
  async action(testId: string): Promise<Locator> {
    const action = this.page.getByTestId(testId);
    if (!(await action.isVisible()) && (await this.more.isVisible())) await this.more.click();
    return action;
  }
}
