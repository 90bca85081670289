/**
 * What a learner types around a Service in the browser terminal, beyond one command: lists and loops as bash runs
 * them, `kubectl debug` into a pod with an ephemeral busybox (a one-shot nslookup, then an interactive shell), and
 * CoreDNS's own logs as the Debugging DNS Resolution page reads them.
 */
import { expect, test } from './fixtures/test';
import { TerminalPane } from './pages/TerminalPane';
import { Workbench } from './pages/Workbench';

test('lists, loops, kubectl debug and CoreDNS logs in the browser terminal', async ({ page }) => {
  const app = new Workbench(page);
  const errors = app.trackErrors();
  await app.openFresh();
  const term = new TerminalPane(page);
  await term.open();
  await term.run('kubectl run a --image=nginx; kubectl run b --image=nginx && echo both created');
  await term.expectText('pod/a created\npod/b created\nboth created\n$ ');
  await term.run('sleep 10');
  await term.run("for p in a b; do kubectl get pod $p -o jsonpath='{.metadata.name} {.status.phase}{\"\\n\"}'; done");
  await term.expectText("; done\na Running\nb Running\n$ ");
  await term.run('kubectl get pod nope || echo "missing (status $?)"');
  await term.expectText('Error from server (NotFound): pods "nope" not found\nmissing (status 1)\n$ ');
  // a loop typed over several lines: bash's `> ` until `done`; Ctrl+C at `> ` drops what was typed
  await term.run('for p in a b; do');
  await term.expectText('for p in a b; do\n> ');
  await term.run('  kubectl get pod $p -o name');
  await term.run('done');
  await term.expectText('> done\npod/a\npod/b\n$ ');
  await term.run('for p in a; do');
  await term.press('Control+C');
  await term.run('echo after');
  await term.expectText('for p in a; do\n> ^C\n$ echo after\nafter\n$ ');

  // an ephemeral container in the pod's network: one command, then a shell
  await term.run('kubectl debug -it app --image=busybox:1.28 --profile=general -- nslookup nginx');
  await term.expectText(/Defaulting debug container name to debugger-[a-z0-9]{5}\.\n[\s\S]*Name: {6}nginx\nAddress 1: [\d.]+ nginx\.default\.svc\.cluster\.local\n/);
  await term.run('kubectl debug -it app --image=busybox:1.36 --profile=general');
  await term.expectText("If you don't see a command prompt, try pressing enter.\n/ # ");
  await term.run('wget -qO- nginx | grep title');
  await term.expectText('<title>Welcome to nginx!</title>\n/ # ');
  await term.run('exit');
  await term.expectText(/Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach app -c debugger-[a-z0-9]{5} -i -t' if it is still running\n\$ $/);
  await term.run('kubectl get pod app -o jsonpath={.status.ephemeralContainerStatuses[*].name}');
  await term.expectText(/debugger-[a-z0-9]{5} debugger-[a-z0-9]{5}\$ $/);

  // CoreDNS's start-up block, one per pod
  await term.run('kubectl logs -n kube-system -l k8s-app=kube-dns --tail=3');
  await term.expectText(/--tail=3\n\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}\nCoreDNS-1\.12\.1\nlinux\/amd64, go1\.24\.1, 707c7c1\n\[INFO\] plugin/);
  expect(errors).toEqual([]);
});
