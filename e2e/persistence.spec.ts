/**
 * Never lose work (issue "Solid ground" §2): an edit survives a reload right after it; a full storage is
 * shown and the app keeps working (and the session can be exported and imported); a second tab never
 * overwrites the first silently. (The cross-site frame without storage: storageDenied.spec.ts.)
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { StorageBanner } from './pages/StorageBanner';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

const alpaca = 'kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="app=alpaca"';

test.describe('persistence', () => {
  test('an edit reloaded 50 ms after the last key press survives', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await app.editor.ready();
    await app.editor.typeKeysOnNewLastLine('#typed-just-before-the-reload');
    await page.waitForTimeout(50); // far inside the autosave debounce: only the pagehide save can keep it
    await page.reload();
    await app.editor.ready();
    expect(await app.editor.fullText()).toContain('#typed-just-before-the-reload');
  });

  test('a full storage is shown, the app keeps working, and the exported session restores it', async ({ page, context }) => {
    test.slow(); // two playgrounds in one browser
    // every write is refused as a full storage would refuse it (IndexedDB put/add and localStorage)
    await page.addInitScript(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
      Storage.prototype.setItem = full;
    });
    const app = new Workbench(page);
    const errors = app.trackErrors();
    await app.openFresh();
    const banner = new StorageBanner(page);
    await expect(banner.root).toContainText(
      'Saving failed: the browser storage is full. Changes from now on are not saved; a reload would lose them. Export the session to keep your work.',
    );
    const term = new TerminalPane(page);
    await term.open();
    await term.run(alpaca);
    await term.expectText('pod/alpaca-prod created');
    await expect(app.canvas.node('pod:default/alpaca-prod')).toBeVisible();

    const file = await banner.exportSession();
    expect(file.name).toBe('svcsim-session.json');
    const session = JSON.parse(file.text) as { format: string; commands: { command: { type: string; line?: string } }[] };
    expect(session.format).toBe('svcsim-session');
    expect(session.commands[0].command.type).toBe('init');
    expect(session.commands.map((c) => c.command.line)).toContain(alpaca);
    expect(errors).toEqual([]);

    // a page with working storage imports it: the same pod is back, and it is saved there
    const other = new Workbench(await context.newPage());
    await other.openFresh();
    await expect(other.canvas.node('pod:default/alpaca-prod')).toHaveCount(0);
    await other.page.getByTestId(testIds.importSessionFile).setInputFiles({ name: 'svcsim-session.json', mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await expect(other.canvas.node('pod:default/alpaca-prod')).toBeVisible();
    await expect(other.notice).toContainText('Imported svcsim-session.json');
  });

  test('a second tab asks first; taking over makes the first tab read-only and only the new tab is saved', async ({ context }) => {
    test.slow(); // two playgrounds in one browser
    const first = new Workbench(await context.newPage());
    await first.openFresh();
    await expect(new StorageBanner(first.page).root).toHaveCount(0);

    const second = new Workbench(await context.newPage());
    await second.page.goto('/');
    await expect(second.canvas.root).toBeVisible();
    const secondBanner = new StorageBanner(second.page);
    await expect(secondBanner.root).toContainText('svcsim is open in another tab.');
    await secondBanner.takeOver();
    await expect(secondBanner.root).toHaveCount(0);
    await expect(new StorageBanner(first.page).root).toContainText('This tab is read-only now: svcsim was taken over in another tab');

    // the first tab's later work is not saved over the second's
    const firstTerm = new TerminalPane(first.page);
    await firstTerm.open();
    await firstTerm.run('kubectl create deployment from-first --image=nginx');
    await firstTerm.expectText('deployment.apps/from-first created');
    const secondTerm = new TerminalPane(second.page);
    await secondTerm.open();
    await secondTerm.run(alpaca);
    await secondTerm.expectText('pod/alpaca-prod created');
    // the command is logged finished when its reply comes, which the next prompt shows (its output can come
    // first): a reload before that rightly leaves it out as unfinished
    await expect.poll(async () => /pod\/alpaca-prod created\s*\n\$\s*$/.test(await secondTerm.text())).toBe(true);
    await second.page.waitForTimeout(300); // let IndexedDB acknowledge the write
    await second.page.reload();
    await expect(second.canvas.node('pod:default/alpaca-prod')).toBeVisible();
    await expect(second.canvas.pods('default/from-first-')).toHaveCount(0);
  });

  test('"keep this tab without saving" leaves the first tab saving', async ({ context }) => {
    const first = new Workbench(await context.newPage());
    await first.openFresh();
    const second = new Workbench(await context.newPage());
    await second.page.goto('/');
    const secondBanner = new StorageBanner(second.page);
    await secondBanner.keepWithoutSaving();
    await expect(secondBanner.root).toContainText('This tab does not save (svcsim is open in another tab)');
    await expect(new StorageBanner(first.page).root).toHaveCount(0);
    await expect(first.notice).toContainText('svcsim was opened in another tab');
  });
});
