/**
 * Regenerates the screenshots in README.md and docs/visual-language.md from the real app:
 *   npx vite build && npx tsx scripts/docsScreenshots.ts
 * It serves dist/ with `vite preview`, drives the playground like a user, and writes docs/*.png.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { kuardDeployment } from '../e2e/fixtures/manifests';

const port = 4391;
const states = `${kuardDeployment.replace('replicas: 2', 'replicas: 3')}---
apiVersion: v1
kind: Service
metadata:
  name: alpaca-prod
spec:
  type: NodePort
  selector:
    app: alpaca
  ports:
    - port: 8080
      targetPort: 8080
      nodePort: 30306
---
apiVersion: v1
kind: Pod
metadata:
  name: stuck
spec:
  nodeSelector:
    disktype: ssd
  containers:
    - name: app
      image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  restartPolicy: Never
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "exit 1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: slow-stop
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "infinity"]
`;

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    // a new page is a new browser context: no saved session, the seed topology; marked as visited before, so the
    // playground opens instead of the first visit's scenario gallery
    await page.goto(`http://127.0.0.1:${port}/favicon.svg`);
    await page.evaluate(() => localStorage.setItem('svcsim.visited', '1'));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('[data-testid^="rf__edge-ep:default/nginx/"]').first().waitFor();
    await page.locator('[data-testid="editor"] .view-lines').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'docs/screenshot.png' });

    // every pod state at once, for the visual language
    await page.evaluate((t) => window.svcsim?.setEditorText(t), states);
    await page.getByTestId('apply').click();
    await page.getByTestId('advance').click();
    await page.getByTestId('advance').click();
    const kuard = page.locator('[data-testid^="rf__node-pod:default/alpaca-prod-"]').first();
    await kuard.click();
    await page.getByTestId('ready-toggle').click();
    await page.getByTestId('advance').click();
    await page.getByTestId('rf__node-pod:default/slow-stop').click();
    await page.getByTestId('pod-delete').click();
    await page.getByTestId('rf__node-svc:default/alpaca-prod').click();
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForTimeout(600);
    const canvas = await page.getByTestId('topology').boundingBox();
    await page.screenshot({ path: 'docs/visual-language.png', clip: canvas ?? undefined });
    await browser.close();
    console.log('wrote docs/screenshot.png and docs/visual-language.png');
  } finally {
    server.kill();
  }
}

void main();
