/** Page object: traffic drawn on the canvas (routes, moving dots, the stepped trace's box), the Traffic view's client. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class TrafficCanvas {
  constructor(readonly page: Page) {}

  get overlay(): Locator {
    return this.page.getByTestId(testIds.trafficOverlay);
  }

  get routes(): Locator {
    return this.page.getByTestId(testIds.trafficRoute);
  }

  get dots(): Locator {
    return this.page.getByTestId(testIds.trafficDot);
  }

  get focus(): Locator {
    return this.page.getByTestId(testIds.trafficFocus);
  }

  get machine(): Locator {
    return this.page.getByTestId(testIds.trafficMachine);
  }

  async chooseClient(value: string): Promise<void> {
    await this.page.getByTestId(testIds.trafficClient).selectOption(value);
  }

  /** Steps the trace forward until the canvas box marks a step of `kind`. */
  async stepTo(kind: string): Promise<void> {
    const next = this.page.getByTestId(testIds.trafficNextStep);
    for (let i = 0; i < 40; i++) {
      if ((await this.focus.getAttribute('data-kind')) === kind) return;
      await next.click();
    }
    await expect(this.focus).toHaveAttribute('data-kind', kind);
  }

  /** Whether a dot is animating along its path (CSS animation running, with an offset-path). */
  async dotMoves(): Promise<boolean> {
    return this.dots.first().evaluate((el) => {
      const s = getComputedStyle(el);
      return s.offsetPath.startsWith('path(') && s.animationName === 'packet-travel' && s.display !== 'none';
    });
  }
}
