/** Page object: the banner that says when the tab's work is not saved, and its actions. */
import type { Download, FrameLocator, Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export class StorageBanner {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    scope: Page | FrameLocator = page,
  ) {
    this.root = scope.getByTestId(testIds.storageBanner);
  }

  async takeOver(): Promise<void> {
    await this.root.getByTestId(testIds.takeOver).click();
  }

  async keepWithoutSaving(): Promise<void> {
    await this.root.getByTestId(testIds.keepWithoutSaving).click();
  }

  /** Clicks "Export session" and returns the downloaded file's text. */
  async exportSession(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.root.getByTestId(testIds.exportSession).click()]);
    return { name: download.suggestedFilename(), text: await downloadText(download) };
  }
}

async function downloadText(d: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
