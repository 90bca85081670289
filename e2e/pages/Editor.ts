/** Page object: the Monaco manifest editor, its Apply button and problem list. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';

export class Editor {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId(testIds.editor);
  }

  get problems(): Locator {
    return this.page.getByTestId(testIds.problems);
  }

  async ready(): Promise<void> {
    // Monaco is a 4 MB lazy chunk: on a busy machine it takes longer than the default wait
    await expect(this.root.locator('.view-lines')).toBeVisible({ timeout: 60_000 });
  }

  /**
   * Replaces the whole text the way "Edit object" does (typing YAML would let Monaco auto-indent every
   * new line). `typeText` covers real typing.
   */
  async setText(text: string): Promise<void> {
    await this.ready();
    await this.page.evaluate((t) => window.svcsim?.setEditorText(t), text);
    await expect(this.root.locator('.view-lines')).toContainText(text.split('\n')[0].replace(/ /g, '\u00a0'));
  }

  /** The whole editor text (not only what is scrolled into view). */
  async fullText(): Promise<string> {
    return this.page.evaluate(() => window.svcsim?.getEditorText() ?? '');
  }

  /** Presses the keys of `text` on a new last line, as a user types. */
  async typeKeysOnNewLastLine(text: string): Promise<void> {
    await this.root.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
  }

  /**
   * Types a manifest on new lines at the end, key by key. As a user does, it dismisses the completion list
   * before Enter (Enter would accept a suggestion) and removes the indentation Monaco carries to the new line
   * before typing the line's own.
   */
  async typeManifestAtEnd(text: string): Promise<void> {
    await this.root.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
    for (const line of text.split('\n')) {
      await this.closeSuggestions();
      await this.page.keyboard.press('Enter');
      // at the end of the text: Shift+Home selects the carried indentation, if any; Delete removes it (or nothing)
      await this.page.keyboard.press('Shift+Home');
      await this.page.keyboard.press('Delete');
      await this.page.keyboard.type(line);
    }
    await this.closeSuggestions();
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.press('Delete');
  }

  /**
   * Dismisses the completion list before Enter. The YAML worker answers asynchronously, so on a busy machine the
   * list can open after a first Escape; Enter would then accept a suggestion instead of breaking the line.
   */
  private async closeSuggestions(): Promise<void> {
    const open = this.root.locator('.suggest-widget.visible');
    await this.page.keyboard.press('Escape');
    await this.page.waitForTimeout(150);
    if (await open.count()) await this.page.keyboard.press('Escape');
    await expect(open).toHaveCount(0);
  }

  /** The visible text of the editor (Monaco renders spaces as non-breaking spaces). */
  async visibleText(): Promise<string> {
    const t = (await this.root.locator('.view-lines').textContent()) ?? '';
    return t.replace(/\u00a0/g, ' ');
  }

  async apply(): Promise<void> {
    await this.page.getByTestId(testIds.apply).click();
  }

  /** The tab strip's tab for `title` (`manifests.yaml`, `service/nginx`). */
  tab(title: string): Locator {
    return this.page.getByTestId(testIds.editorTab).filter({ hasText: title });
  }

  get tabs(): Locator {
    return this.page.getByTestId(testIds.editorTab);
  }

  async showTab(title: string): Promise<void> {
    await this.tab(title).click();
    await expect(this.tab(title)).toHaveAttribute('aria-current', 'page');
  }

  /** Clicks into the text shown and presses Ctrl/Cmd+Z `times` times, as a user undoes. */
  async undo(times = 1): Promise<void> {
    await this.root.locator('.view-lines').click();
    for (let i = 0; i < times; i++) await this.page.keyboard.press('ControlOrMeta+Z');
  }

  /** Error markers Monaco draws in the text. */
  get errorMarkers(): Locator {
    return this.root.locator('.squiggly-error');
  }
}
