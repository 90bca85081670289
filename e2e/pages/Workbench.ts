/** Page object: the whole playground (top bar, inspector, notices) plus its canvas and editor. */
import { type Locator, type Page, expect } from '@playwright/test';
import { testIds } from '../../src/testids';
import { Editor } from './Editor';
import { TopologyCanvas } from './TopologyCanvas';

export class Workbench {
  readonly canvas: TopologyCanvas;
  readonly editor: Editor;

  constructor(readonly page: Page) {
    this.canvas = new TopologyCanvas(page);
    this.editor = new Editor(page);
  }

  /**
   * Opens the playground on a fresh session (no saved editor text or cluster). Storage is cleared from a
   * static file of the same origin, where no app runs: an app starting up would write its session after the
   * clear (IndexedDB writes land asynchronously).
   *
   * The playground's clock runs at ×1 from the start, as a newcomer sees it. Journeys that compare bytes, count
   * things or step time themselves need a still clock, so they open with `?clock=paused` (the default here,
   * remembered across reloads as a pressed Pause is); `{ clock: 'running' }` opens what a newcomer gets.
   */
  async openFresh(options: { clock?: 'paused' | 'running' } = {}): Promise<void> {
    const clock = options.clock ?? 'paused';
    // Chromium asks for /favicon.ico when it shows a bare SVG document; the app never serves one (index.html
    // names its icon), so answer it here instead of logging a 404 console error the page-health check rejects.
    await this.page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await this.page.goto('/favicon.svg');
    await this.page.evaluate(async () => {
      localStorage.clear();
      // a fresh session of someone who has been here before: the playground, not the first visit's gallery
      try {
        localStorage.setItem('svcsim.visited', '1');
      } catch {
        // a journey whose storage refuses writes: the fixture marked the visit before the refusal was installed
      }
      await new Promise((done) => {
        const req = indexedDB.deleteDatabase('svcsim');
        req.onsuccess = req.onerror = req.onblocked = () => done(undefined);
      });
    });
    await this.page.goto(clock === 'paused' ? '/?clock=paused' : '/');
    await expect(this.canvas.root).toBeVisible();
  }

  /** The words beside the clock: "Paused" while it stands still. */
  get clockState(): Locator {
    return this.page.getByTestId(testIds.clockState);
  }

  get clock(): Locator {
    return this.page.getByTestId(testIds.clock);
  }

  /** The top bar's Reset and the dialog it opens first. */
  get resetDialog(): Locator {
    return this.page.getByTestId(testIds.resetDialog);
  }

  async askReset(): Promise<void> {
    await this.page.getByTestId(testIds.reset).click();
    await expect(this.resetDialog).toBeVisible();
  }

  async confirmReset(): Promise<void> {
    await this.page.getByTestId(testIds.resetConfirm).click();
    await expect(this.resetDialog).toHaveCount(0);
  }

  get inspector(): Locator {
    return this.page.getByTestId(testIds.inspector);
  }

  get notice(): Locator {
    return this.page.getByTestId(testIds.notice);
  }

  /** Advances virtual time by 10 s, `times` times (waiting for each reply). */
  async advance(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const before = await this.page.getByTestId(testIds.clock).textContent();
      await this.page.getByTestId(testIds.advance).click();
      await expect(this.page.getByTestId(testIds.clock)).not.toHaveText(before ?? '');
    }
  }

  /** Advances by +5m steps. */
  async advanceMinutes(fives: number): Promise<void> {
    for (let i = 0; i < fives; i++) {
      const before = await this.page.getByTestId(testIds.clock).textContent();
      await this.page.getByRole('button', { name: '+5m' }).click();
      await expect(this.page.getByTestId(testIds.clock)).not.toHaveText(before ?? '');
    }
  }

  /** Collects page errors and console errors so a journey can assert there were none. */
  trackErrors(): string[] {
    const errors: string[] = [];
    this.page.on('pageerror', (e) => errors.push(e.message));
    this.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    return errors;
  }
}
