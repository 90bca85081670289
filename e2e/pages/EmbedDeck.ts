/** Page object: public/embed-example.html, a deck with two svcsim embeds, its step buttons and its event log. */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { testIds } from '../../src/testids';

export type EmbedId = 'embed-a' | 'embed-b';

export class EmbedDeck {
  constructor(readonly page: Page) {}

  frame(id: EmbedId): FrameLocator {
    return this.page.frameLocator(`#${id}`);
  }

  /** The embed's root element inside its frame (data-started, data-visible). */
  embed(id: EmbedId): Locator {
    return this.frame(id).getByTestId(testIds.embed);
  }

  stepTitle(id: EmbedId): Locator {
    return this.frame(id).getByTestId(testIds.stepTitle);
  }

  checks(id: EmbedId): Locator {
    return this.frame(id).getByTestId(testIds.stepCheck);
  }

  pods(id: EmbedId, prefix = 'default/'): Locator {
    return this.frame(id).locator(`[data-testid^="rf__node-pod:${prefix}"]`);
  }

  /** The deck's button that posts a message to one embed. */
  button(id: EmbedId, action: 'previous' | 'next' | 'reset' | 'command'): Locator {
    return this.page.locator(`button[data-target="${id}"][data-action="${action}"]`);
  }

  /** Log lines the deck wrote for an embed's events, optionally of one type. */
  events(id: EmbedId, type?: string): Locator {
    return this.page.locator(`#log li[data-frame="${id}"]${type ? `[data-type="${type}"]` : ''}`);
  }

  /** Posts a message to an embed from the deck's page, as a presenter's own script would (to svcsim's origin). */
  async post(id: EmbedId, message: unknown): Promise<void> {
    await this.page.evaluate(
      ([frameId, msg]) => {
        const frame = document.getElementById(frameId as string) as HTMLIFrameElement | null;
        frame?.contentWindow?.postMessage(msg, new URL(frame.src).origin);
      },
      [id, message] as const,
    );
  }

  async nextSlide(): Promise<void> {
    await this.page.keyboard.press('ArrowRight');
  }
}
