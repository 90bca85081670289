/**
 * Mermaid both ways (issue 10 §4): the cluster as the seed note's `graph TD` with a preview Mermaid draws; the
 * seed note's diagram, typed as the note prints it (on one line), imported as a cluster — 3 nodes, 4 nginx pods,
 * 1 Service, the APP pod; the canvas downloaded as PNG and SVG; a traced connection as a sequence diagram.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { testIds } from '../src/testids';
import { test } from './fixtures/test';
import { DataPlanePanels } from './pages/DataPlanePanels';
import { readPng } from './fixtures/png';
import { DiagramDialog } from './pages/DiagramDialog';
import { Workbench } from './pages/Workbench';

// the seed note's diagram exactly as the note prints it (Kubernetes Service 筆記, 抽象圖小記)
const seedOneLine =
  'graph TD subgraph Kubernetes Cluster A[Service] --> N1[Nginx] A --> |Endpoints|N2[Nginx] A --> N3[Nginx] A --> N4[Nginx] APP -->|Access Service 訪問Virutal Server| A subgraph Node1 N1 N2 end subgraph Node2 N3 end subgraph Node3 N4 APP end end';

test.describe('Mermaid', () => {
  test('exports the playground with a Mermaid preview, imports the seed diagram, downloads the canvas', async ({ page }) => {
    test.setTimeout(180_000);
    const app = new Workbench(page);
    await app.openFresh();
    const diagram = new DiagramDialog(page);

    // by keyboard: `m` opens the dialog; the text is the seed topology as the note draws it
    await app.canvas.root.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('m');
    await expect(diagram.root).toBeVisible();
    await expect(diagram.text).toHaveValue(/^graph TD\n {2}subgraph cluster\["Kubernetes Cluster"\]\n/);
    await expect(diagram.text).toHaveValue(/svc_default_nginx -->\|Endpoints\| pod_default_nginx_/);
    await expect(diagram.text).toHaveValue(/pod_default_app -->\|Access Service\| svc_default_nginx/);
    await expect(diagram.previewSvg).toBeVisible();
    await expect(diagram.previewSvg).toContainText('Kubernetes Cluster');
    await expect(diagram.previewSvg).toContainText('Service nginx');
    await page.screenshot({ path: 'test-results/mermaid-export-1440.png' });
    await page.keyboard.press('Escape');
    await expect(diagram.root).toBeHidden();

    // an empty cluster, then the seed diagram typed as the note prints it
    await page.goto('/?start=empty&clock=paused');
    await expect(app.canvas.root).toBeVisible();
    await diagram.open();
    await diagram.tab('Import');
    await diagram.typeImport(seedOneLine);
    await expect(diagram.summary).toHaveText('3 nodes · 4 nginx:1.27 pods · 1 Service · 1 client pod');
    await expect(diagram.unmapped).toHaveText('Everything in the diagram was mapped.');
    await expect(diagram.root).toContainText('subgraph Node1 → node kind-worker');
    await expect(diagram.previewSvg).toContainText('Access Service 訪問Virutal Server');
    await page.screenshot({ path: 'test-results/mermaid-import-1440.png' });
    await diagram.apply();

    await expect(app.canvas.pods('default/nginx-n')).toHaveCount(4);
    await expect(app.canvas.node('pod:default/app')).toBeVisible();
    await expect(app.canvas.node('svc:default/nginx')).toBeVisible();
    await expect(page.locator('[data-testid^="rf__node-node:"]')).toHaveCount(4);
    // the nodes pull nginx first (paused clock: time moves with +10s)
    await app.advance(4);
    await expect(app.canvas.endpointEdges('default', 'nginx', true)).toHaveCount(4);
    await page.screenshot({ path: 'test-results/mermaid-imported-1440.png' });

    // the canvas as files, with the endpoint edges and their port labels as on screen
    const edgePoints = await app.canvas.edgePoints();
    expect(edgePoints).toHaveLength(4 * 3);
    const flowBox = await app.canvas.root.locator('.react-flow').boundingBox();
    await diagram.open();
    await diagram.tab('Image');
    const png = await diagram.download('png');
    expect(png.suggestedFilename()).toMatch(/^svcsim-topology-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.png$/);
    const picture = readPng(readFileSync(await png.path()));
    await png.saveAs('test-results/mermaid-canvas.png');
    // every sampled point of every edge has the edge's colour in the picture (within 2 CSS px: antialiasing)
    const scale = picture.width / (flowBox?.width ?? 1);
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    const stroked = edgePoints.filter(({ x, y, stroke }) => {
      const want = rgb(stroke);
      for (let dy = -2 * scale; dy <= 2 * scale; dy++) {
        for (let dx = -2 * scale; dx <= 2 * scale; dx++) {
          const got = picture.at(Math.round(x * scale + dx), Math.round(y * scale + dy));
          if (got.every((c, i) => Math.abs(c - want[i]) <= 40)) return true;
        }
      }
      return false;
    });
    expect(stroked).toEqual(edgePoints);
    const svg = await diagram.download('svg');
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toContain('nginx-n1');
    // one stroked path per endpoint edge on screen, and the target port label
    const edgePaths = svgText.match(/<path class="react-flow__edge-path edge-ready"[^>]* stroke="rgb\(\d+, \d+, \d+\)"/g) ?? [];
    expect(edgePaths).toHaveLength(await app.canvas.endpointEdges('default', 'nginx', true).count());
    expect(svgText).toMatch(/class="edge-port"[^>]*>:80</);
    // the paint was lent for the capture only: the page's paths are as React Flow drew them
    await expect(app.canvas.endpointEdges('default', 'nginx').locator('.react-flow__edge-path').first()).not.toHaveAttribute('stroke');
  });

  test('a bad diagram says where it goes wrong and applies nothing', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const diagram = new DiagramDialog(page);
    await diagram.open();
    await diagram.tab('Import');
    await diagram.typeImport('graph TD\nA[Service --> B');
    await expect(diagram.summary).toHaveText('Line 2, column 2: "[" is never closed with "]".');
    await expect(diagram.root.getByRole('button', { name: 'Open in the editor and apply' })).toBeDisabled();
    await diagram.typeImport('graph TD\nS[Service] -->|Endpoints| W[nginx]\nW --> X[redis]\nclick W callback');
    await expect(diagram.unmapped).toContainText('3:3 link "W --> X"');
    await expect(diagram.unmapped).toContainText('4:1 "click W callback"');
    await expect(diagram.previewSvg).toBeVisible();
    // the dialog itself passes axe (serious and critical findings)
    const axe = await new AxeBuilder({ page }).include(`[data-testid="${testIds.diagramDialog}"]`).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    // keyboard: the tabs move with the arrow keys, Escape closes
    await diagram.root.getByRole('tab', { name: 'Import' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(diagram.root.getByRole('tab', { name: 'Image' })).toBeFocused();
    await expect(diagram.root.getByRole('tab', { name: 'Image' })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(diagram.root).toBeHidden();
  });

  test('a traced connection as a sequence diagram, at 390 px too', async ({ page }) => {
    const app = new Workbench(page);
    await app.openFresh();
    const dp = new DataPlanePanels(page);
    await dp.openTraffic();
    await dp.send('default/nginx', 10);
    await page.getByRole('button', { name: 'Sequence diagram' }).click();
    const diagram = new DiagramDialog(page);
    await expect(diagram.text).toHaveValue(/^sequenceDiagram\n {2}participant client as pod default\/app\n {2}participant dns as CoreDNS 10\.96\.0\.10\n/);
    await expect(diagram.text).toHaveValue(/Note over proxy: PREROUTING → KUBE-SERVICES → KUBE-SVC-[A-Z2-7]{16} → KUBE-SEP-[A-Z2-7]{16}/);
    await expect(diagram.previewSvg).toContainText('kube-proxy rules on');
    await page.screenshot({ path: 'test-results/mermaid-sequence-1440.png' });
    await diagram.close();

    await page.setViewportSize({ width: 390, height: 844 });
    await diagram.open();
    await expect(diagram.previewSvg).toBeVisible();
    await page.screenshot({ path: 'test-results/mermaid-export-390.png' });
    await diagram.tab('Import');
    await diagram.root.getByRole('button', { name: 'Use the seed note’s diagram' }).click();
    await expect(diagram.previewSvg).toBeVisible();
    await page.screenshot({ path: 'test-results/mermaid-import-390.png', fullPage: true });
  });
});
