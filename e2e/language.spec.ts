/**
 * Two languages (issue 10 §5): the top bar's switch turns the whole UI into 繁體中文 and back, the choice
 * survives a reload, a zh-TW browser starts in zh-TW, `?lang=` overrides both, and kubectl's output stays as
 * kubectl prints it whatever the language.
 */
import { expect, test } from './fixtures/test';
import { testIds } from '../src/testids';
import { DiagramDialog } from './pages/DiagramDialog';
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
    await expect(page.getByText('在畫布上選取一個 pod、Service、節點或 Deployment 標記。')).toBeVisible();
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
  });
});
