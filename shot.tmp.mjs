// usage: node shot.mjs URL OUTPREFIX [widths] [locale]
import { chromium } from '@playwright/test';
const [url, out, widthsArg = '1440,1024,390', locale = 'en-US'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
for (const w of widthsArg.split(',').map(Number)) {
  const ctx = await browser.newContext({ viewport: { width: w, height: w < 500 ? 844 : w < 1100 ? 768 : 900 }, locale });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForTimeout(3500);
  await page.screenshot({ path: `${out}-${w}.png` });
  await ctx.close();
}
await browser.close();
