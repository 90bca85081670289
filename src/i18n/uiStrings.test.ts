// Every word the UI shows goes through the message catalogs: this walks the components' syntax trees and fails
// on JSX text or a user-visible attribute (title, aria-label, placeholder, alt, label) written as a literal.
// Kubernetes' own words (kinds, field names, kubectl's columns) are not translated and are listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '..');

/** Words that stay as Kubernetes and kubectl spell them, in every language. */
const untranslated = new Set([
  '+10s',
  '+5m',
  'ClusterIP',
  'LoadBalancer',
  'Pod',
  'Service',
  'Deployment',
  'StatefulSet',
  'Node',
  'name',
  'port',
  'targetPort',
  'nodePort',
  'protocol',
  'address',
  'pod',
  'ready',
  'serving',
  'term.',
  'terminating',
  'kube-proxy',
  'manifests.yaml',
  'svcsim',
  'kind · v1.34',
  'key=value',
  'EXTERNAL-IP',
  '--grace-period=0 --force',
  'docker stop',
  'docker exec',
  // A DNS reply's header word, as dig prints it beside the flags (;; flags: qr aa rd)
  'flags:',
  // An address and a status line: what the browser's address bar and an HTTP answer show, in any language
  'http://localhost:',
  'HTTP',
  // The kuard page inside the localhost tab is the simulated app's own page, which the real kuard serves in
  // English (kubernetes-up-and-running/kuard): its header stays as kuard writes it
  'WARNING:',
  'This server may expose sensitive and secret information. Be careful.',
  'Demo application version',
  'Serving on',
  // Mermaid diagram text is data the user pastes, not UI: the import box's example stays Mermaid
  'graph TD subgraph Kubernetes Cluster A[Service] --> N1[Nginx] …',
]);

/**
 * Files that are not svcsim's UI. KuardPages.tsx draws the pages of kuard, the simulated app behind a port-forward
 * (Request Details, Server Env, probes, DNS Query): the real kuard shows them in English whatever the browser's
 * language, so they stay as kuard writes them.
 */
const exemptFiles = new Set(['features/localhost/KuardPages.tsx']);

const visibleAttributes = new Set(['title', 'aria-label', 'ariaLabel', 'placeholder', 'alt', 'label', 'confirmLabel', 'cancelLabel']);

function* componentFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* componentFiles(path);
    else if (entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') && !exemptFiles.has(relative(srcDir, path).split('\\').join('/'))) yield path;
  }
}

/** Text a user reads: has a letter (Latin or Han), and is not one of Kubernetes' own words. */
function needsTranslation(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!/[A-Za-z\p{Script=Han}]/u.test(t)) return false;
  return !untranslated.has(t);
}

function literalUiStrings(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => `${relative(srcDir, path)}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && needsTranslation(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxAttribute(n) && visibleAttributes.has(n.name.getText(file)) && n.initializer) {
      const init = n.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : undefined;
      if (literal !== undefined && needsTranslation(literal)) found.push(`${where(n)} ${n.name.getText(file)}="${literal}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

describe('UI strings', () => {
  it('finds a literal that bypasses the catalogs (the check can fail)', () => {
    expect(literalUiStrings('x.tsx', 'const a = <button title="Stop it">Stop</button>;')).toHaveLength(2);
    expect(literalUiStrings('x.tsx', "const a = <button title={t('work.stop')}>{t('work.stop')} ×</button>;")).toEqual([]);
  });

  it('are all in the message catalogs (en and zh-TW), none written into a component', () => {
    const found = [...componentFiles(srcDir)].flatMap((path) => literalUiStrings(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });
});
