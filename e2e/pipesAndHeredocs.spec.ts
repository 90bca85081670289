/**
 * The imperative-update idioms of the Kubernetes docs typed into the browser terminal: a dry run piped into
 * `kubectl apply -f -`, then a manifest given as a here-document, typed line by line after bash's `> ` (a blank
 * line in the body included) until its `EOF` line; Ctrl+C at `> ` drops an unfinished one.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test('a pipe into kubectl apply -f - and a here-document in the browser terminal', async ({ page }) => {
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  await term.run('kubectl create configmap x --from-literal=a=b --dry-run=client -o yaml | kubectl apply -f -');
  await term.expectText('| kubectl apply -f -\nconfigmap/x created\n$ ');

  await term.run('kubectl apply -f - <<EOF');
  await term.expectText('kubectl apply -f - <<EOF\n> ');
  for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: reader', '', 'spec:', '  containers:', '  - name: app', '    image: nginx', '    envFrom:', '    - configMapRef:', '        name: x']) {
    await term.run(line);
  }
  await term.expectText('>         name: x\n> ');
  await term.run('EOF');
  await term.expectText('> EOF\npod/reader created\n$ ');
  await expect(app.canvas.node('pod:default/reader')).toBeVisible();

  await term.run('cat <<EOF');
  await term.run('never run');
  await term.press('Control+C');
  await term.run('echo after');
  await term.expectText('> never run\n> ^C\n$ echo after\nafter\n$ ');
  expect(errors).toEqual([]);
});
