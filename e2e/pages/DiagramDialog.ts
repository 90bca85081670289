/** Page object: the Diagram dialog (Mermaid export, import, canvas images) and the Traffic view's sequence diagram. */
import { type Download, type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';
import { TopBar } from './TopBar';

export class DiagramDialog {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId(testIds.diagramDialog);
  }

  /** Opens it with the top bar's button (on a phone, from the top bar's "⋯" menu). */
  async open(): Promise<void> {
    await (await new TopBar(this.page).action(testIds.diagramButton)).click();
    await expect(this.root).toBeVisible();
  }

  /** A tab by its name (in the UI's language: `匯入` in 繁體中文). */
  async tab(name: 'Export' | 'Import' | 'Image' | (string & {})): Promise<void> {
    await this.root.getByRole('tab', { name }).click();
  }

  get text(): Locator {
    return this.root.getByTestId(testIds.diagramText);
  }

  /** Mermaid's drawing: an <svg> once rendered. */
  get previewSvg(): Locator {
    return this.root.getByTestId(testIds.diagramPreview).locator('svg');
  }

  get summary(): Locator {
    return this.root.getByTestId(testIds.diagramImportSummary);
  }

  get unmapped(): Locator {
    return this.root.getByTestId(testIds.diagramImportUnmapped);
  }

  /** Types a diagram into the import box with real key presses. */
  async typeImport(text: string): Promise<void> {
    const box = this.root.getByTestId(testIds.diagramImportText);
    await box.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async apply(): Promise<void> {
    await this.root.getByTestId(testIds.diagramImportApply).click();
    await expect(this.root).toBeHidden();
  }

  /** Presses a download button and returns the file the browser saved. */
  async download(format: 'png' | 'svg'): Promise<Download> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.root.getByTestId(format === 'png' ? testIds.diagramPng : testIds.diagramSvg).click()]);
    return file;
  }

  async close(): Promise<void> {
    await this.root.getByTestId(testIds.diagramClose).click();
    await expect(this.root).toBeHidden();
  }
}
