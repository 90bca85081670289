/**
 * Two languages (issue 10 §5): the top bar's switch turns the whole UI into 繁體中文 and back, the choice
 * survives a reload, a zh-TW browser starts in zh-TW, `?lang=` overrides both, and kubectl's output stays as
 * kubectl prints it whatever the language. A page fetches only its language's catalog, shows nothing until it
 * is there, and a switch waits for the other one: no key is ever on screen, even when a catalog is slow to come.
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { DiagramDialog } from './pages/DiagramDialog';
import { MessageCatalogs } from './pages/MessageCatalogs';
import { Scenarios } from './pages/Scenarios';
import { TopBar } from './pages/TopBar';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test.describe('language', () => {
  test('the switch changes the UI, is remembered across a reload, and leaves kubectl output alone', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    await expect(page.getByTestId(testIds.shareButton)).toHaveText('Share');
    await expect(app.clockState).toHaveText('❚❚ Paused');
    await page.getByTestId(testIds.languageSwitch).selectOption('zh-TW');
    await expect(page.getByTestId(testIds.shareButton)).toHaveText('分享');
    await expect(app.clockState).toHaveText('❚❚ 已暫停');
    await expect(page.getByTestId(testIds.reset)).toHaveText('重設');
    await expect(page.getByTestId(`${testIds.dockTab}-terminal`)).toHaveText('終端機');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
    // the Inspector's words change; the object's data does not
    await page.getByTestId(`${testIds.dockTab}-inspector`).click();
    await expect(page.getByText('在畫布上選取一個 pod、Service、節點，或 Deployment、StatefulSet 標記。')).toBeVisible();
    // the Diagram dialog speaks zh-TW too; the Mermaid text it exports is data and stays as Mermaid reads it
    const diagram = new DiagramDialog(page);
    await diagram.open();
    await expect(diagram.root.getByRole('heading', { level: 2 })).toHaveText('圖表');
    await expect(diagram.root.getByRole('tab', { name: '匯入' })).toBeVisible();
    await expect(diagram.text).toHaveValue(/^graph TD/);
    await page.keyboard.press('Escape');
    await expect(diagram.root).toBeHidden();

    await page.reload();
    await expect(page.getByTestId(testIds.shareButton)).toHaveText('分享');
    const term = new TerminalPane(page);
    await term.open();
    await term.run('kubectl get nodes');
    // kubectl prints its own columns in English in every language, as the real one does
    await term.expectText(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);

    await page.getByTestId(testIds.languageSwitch).selectOption('en');
    await expect(page.getByTestId(testIds.shareButton)).toHaveText('Share');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test.describe('in a Traditional Chinese browser', () => {
    test.use({ locale: 'zh-TW' });

    test('starts in 繁體中文, and ?lang=en overrides it', async ({ page }) => {
      const app = new Workbench(page);
      await app.openFresh();
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('分享');
      await expect(page.getByTestId(testIds.languageSwitch)).toHaveValue('zh-TW');
      await page.goto('/?clock=paused&lang=en');
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('Share');
      await expect(page.getByTestId(testIds.scenariosButton)).toHaveText('Scenarios');
    });

    test.describe('on a first visit', () => {
      test.use({ firstVisit: true });

      test('a scenario words its checks in 繁體中文 with ✓, and the diagram importer says why a text is no flowchart', async ({ page }) => {
        const s = new Scenarios(page);
        await s.openAsNewVisitor();
        await s.card('alpaca-prod').click();
        await expect(s.stepTitle).toContainText('第 1 / 9 步');
        // before the step runs the check is a to-do, and what the cluster has is worded too
        await expect(s.checks).toHaveText(['○ pod alpaca-prod 的狀態：Running，就緒']);
        await expect(s.checks.first()).toHaveAttribute('title', '實際：找不到');
        await s.runButton.click();
        await expect(s.checks).toHaveText(['✓ pod alpaca-prod 的狀態：Running，就緒']);
        await s.nextButton.click();
        await s.runButton.click();
        await expect(s.checks).toHaveText(['✓ Service alpaca-prod 的狀態：ClusterIP，有 cluster IP', '✓ Service alpaca-prod 的 endpoints：1 個就緒']);
        await s.expectAllChecksPass();
        await page.screenshot({ path: 'test-results/scenario-checks-zh-TW.png' });

        const diagram = new DiagramDialog(page);
        await diagram.open();
        await diagram.tab('匯入');
        await diagram.typeImport('graph TD\nA --> B\nend');
        await expect(diagram.summary).toHaveText('第 3 行第 1 欄：「end」沒有可結束的 subgraph。');
        await diagram.typeImport('pie title x');
        await expect(diagram.summary).toHaveText('第 1 行第 1 欄：flowchart 應以「graph TD」（或 flowchart LR/TB/BT/RL）開頭。');
      });
    });

    test('at 390 px the top bar keeps to two rows; its other actions are one "⋯" away, by keyboard too', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const app = new Workbench(page);
      await app.openFresh();
      const bar = new TopBar(page);
      const rowHeight = (await page.getByTestId(testIds.play).boundingBox())?.height ?? 0;
      expect((await bar.root.boundingBox())?.height ?? 0).toBeLessThan(rowHeight * 3);
      await expect(page.getByTestId(testIds.shareButton)).toBeHidden();
      await bar.more.focus();
      await page.keyboard.press('Enter');
      await expect(bar.more).toHaveAttribute('aria-expanded', 'true');
      for (const name of ['情境', '分享', '圖表', '匯出', '重設', '鍵盤快捷鍵']) await expect(bar.root.getByRole('button', { name })).toBeVisible();
      await expect(bar.root.getByRole('combobox', { name: '語言' })).toBeVisible();
      // the menu follows its button: Tab walks into it, Escape closes it and gives the focus back
      await page.keyboard.press('Tab');
      await expect(page.getByTestId(testIds.scenariosButton)).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(bar.more).toBeFocused();
      await expect(page.getByTestId(testIds.shareButton)).toBeHidden();
      await page.screenshot({ path: 'test-results/topbar-390-zh-TW.png' });
      const diagram = new DiagramDialog(page);
      await diagram.open();
      await expect(diagram.root.getByRole('heading', { level: 2 })).toHaveText('圖表');
    });
  });
  test.describe('with catalogs that come slowly', () => {
    test('a page fetches only its language, renders once it is there, and a switch waits for the other', async ({ page }) => {
      const catalogs = new MessageCatalogs(page);
      await catalogs.install();
      const app = new Workbench(page);
      await app.openFresh();
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('Share');
      expect(catalogs.requested).toEqual(['en']);

      // the switch: the page stays English while the 繁體中文 catalog is on its way, then changes all at once
      catalogs.hold('zh-TW');
      await page.getByTestId(testIds.languageSwitch).selectOption('zh-TW');
      await catalogs.asked('zh-TW');
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('Share');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      catalogs.release('zh-TW');
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('分享');
      await expect(app.clockState).toHaveText('❚❚ 已暫停');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
      expect(await catalogs.keysShown()).toEqual([]);

      // a reload starts in the remembered 繁體中文: only its catalog is fetched, and nothing renders before it
      catalogs.reset();
      catalogs.hold('zh-TW');
      await page.reload({ waitUntil: 'commit' });
      await catalogs.asked('zh-TW');
      await catalogs.nextFrame();
      await expect(page.locator('#root')).toBeEmpty();
      catalogs.release('zh-TW');
      await expect(page.getByTestId(testIds.shareButton)).toHaveText('分享');
      await expect(page.getByTestId(`${testIds.dockTab}-terminal`)).toHaveText('終端機');
      // and the cluster is drawn as before the reload
      await expect(app.canvas.pods('default/nginx-')).toHaveCount(4);
      expect(catalogs.requested).toEqual(['zh-TW']);
      expect(await catalogs.keysShown()).toEqual([]);
    });

    test('an embed with lang=zh-TW fetches only the 繁體中文 catalog and speaks it from its first frame', async ({ page }) => {
      const catalogs = new MessageCatalogs(page);
      await catalogs.install();
      catalogs.hold('zh-TW');
      await page.goto('/embed.html?scenario=alpaca-prod&lang=zh-TW', { waitUntil: 'commit' });
      await catalogs.asked('zh-TW');
      await catalogs.nextFrame();
      await expect(page.locator('#root')).toBeEmpty();
      catalogs.release('zh-TW');
      await expect(page.getByTestId(testIds.stepTitle)).toHaveText(/^第 1 \/ 9 步：/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
      expect(catalogs.requested).toEqual(['zh-TW']);
      expect(await catalogs.keysShown()).toEqual([]);
    });
  });
});
