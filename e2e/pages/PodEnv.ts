/** Page object: the Inspector's Environment section for the selected pod. */
import type { Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class PodEnv {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByTestId(testIds.podEnv);
  }

  /** Every variable line, as printed. */
  get lines(): Locator {
    return this.section.locator('.env-line');
  }

  /** The lines marked as derived from Services. */
  get serviceLines(): Locator {
    return this.section.locator('.env-line[data-service]');
  }

  get missing(): Locator {
    return this.page.getByTestId(testIds.podEnvMissing);
  }
}
