/**
 * How this repo launches Chromium, shared by the Playwright journeys (playwright.config.ts) and the UI
 * benchmarks (bench/ui), so both measure and test the same browser with the same flags.
 */
import { existsSync } from 'node:fs';

/**
 * Which Chromium runs: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium when present, else
 * Playwright's own downloaded browser (for machines where `npx playwright install` works).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** No sandbox (containers), no GPU, and nothing that phones home in the background. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
