/** Page object: the scenario gallery, the step bar and the Share dialog. */
import { readFileSync } from 'node:fs';
import { type Locator, type Page, expect } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { testIds } from '../../src/testids';
import { TopBar } from './TopBar';

export class Scenarios {
  constructor(readonly page: Page) {}

  get gallery(): Locator {
    return this.page.getByTestId(testIds.gallery);
  }

  get galleryMessage(): Locator {
    return this.page.getByTestId(testIds.galleryMessage);
  }

  card(name: string): Locator {
    return this.page.locator(`[data-testid="${testIds.scenarioCard}"][data-scenario="${name}"]`);
  }

  get cards(): Locator {
    return this.page.getByTestId(testIds.scenarioCard);
  }

  get stepBar(): Locator {
    return this.page.getByTestId(testIds.stepBar);
  }

  get stepTitle(): Locator {
    return this.page.getByTestId(testIds.stepTitle);
  }

  get checks(): Locator {
    return this.page.getByTestId(testIds.stepCheck);
  }

  get runButton(): Locator {
    return this.page.getByTestId(testIds.stepRun);
  }

  get nextButton(): Locator {
    return this.page.getByTestId(testIds.stepNext);
  }

  /** Opens the page as a first-time visitor would (storage cleared from a static page of the same origin first). */
  async openAsNewVisitor(path = '/'): Promise<void> {
    await this.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await this.page.goto('/favicon.svg');
    await this.page.evaluate(async () => {
      localStorage.clear();
      await new Promise((done) => {
        const req = indexedDB.deleteDatabase('svcsim');
        req.onsuccess = req.onerror = req.onblocked = () => done(undefined);
      });
    });
    await this.page.goto(path);
  }

  /** Waits until every check of the current step holds (✓). */
  async expectAllChecksPass(): Promise<void> {
    const n = await this.checks.count();
    for (let i = 0; i < n; i++) await expect(this.checks.nth(i)).toHaveAttribute('data-ok', 'true');
  }

  /** Runs every step from the current one to the last of `steps`, each with every check ✓, stopping on the last. */
  async playToEnd(steps: number): Promise<void> {
    for (let i = 0; i < steps; i++) {
      await expect(this.stepTitle).toContainText(`Step ${i + 1} of ${steps}`);
      await this.runButton.click();
      await expect(this.runButton).toHaveText('✓ Done');
      await this.expectAllChecksPass();
      if (i < steps - 1) await this.nextButton.click();
    }
  }

  /** The link the Share dialog offers (the dialog stays open). */
  async shareLink(): Promise<string> {
    await (await new TopBar(this.page).action(testIds.shareButton)).click();
    await expect(this.page.getByTestId(testIds.shareDialog)).toBeVisible();
    await expect(this.page.getByTestId(testIds.shareQr)).toBeVisible();
    return this.page.getByTestId(testIds.shareLink).inputValue();
  }

  /** Share → "Export for a real cluster": the downloaded zip's file name and its files' text. */
  async exportRealCluster(): Promise<{ fileName: string; files: Record<string, string> }> {
    await (await new TopBar(this.page).action(testIds.shareButton)).click();
    await expect(this.page.getByTestId(testIds.shareDialog)).toBeVisible();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(testIds.shareRealCluster).click();
    const d = await download;
    const bytes = readFileSync(await d.path());
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
    return { fileName: d.suggestedFilename(), files };
  }

  async closeShare(): Promise<void> {
    await this.page.getByTestId(testIds.shareClose).click();
    await expect(this.page.getByTestId(testIds.shareDialog)).toBeHidden();
  }
}
