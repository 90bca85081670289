/**
 * `kubectl debug` in `svcsim shell`: ephemeral containers added to a running pod (kubectl v0.34.0
 * pkg/cmd/debug/debug.go, pkg/cmd/attach/attach.go; kubernetes pkg/registry/core/pod `ephemeralcontainers`),
 * replayed as the CLI prints it (golden transcript).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { goldenTranscript as golden, replayScript as replay } from './goldenTranscript';

describe('kubectl debug in svcsim shell', () => {
  it('adds debug containers that share the pod network, attaches to a shell, and reports them apart', () => {
    const got = replay('kubectl-debug');
    expect(got).toBe(golden('kubectl-debug', got));
    // a one-shot command: its output, then the next prompt
    expect(got).toContain('Name:      web.default\nAddress 1: 10.');
    // the shell in the debug container answers as the pod (its hostname, its Service)
    expect(got).toContain('/ # hostname\nweb\n/ # wget -qO- web | grep title\n<title>Welcome to nginx!</title>\n');
    expect(got).toMatch(/^web +1\/1 +Running +0 +\d+s$/m);
    // a name already taken by an ephemeral container: the merge patch changes that one, which is refused
    expect(got).toContain('The Pod "web" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "shell" may not be changed\n');
    expect(got).toContain('$ kubectl logs web -c debugger-2lgxr | head -2\nServer:    10.96.0.10\n');
  });

  it('runs from the command line, reading the lines from stdin', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'shell', '--playground'], {
      input: 'kubectl debug app -q -c dbg --image=busybox:1.36 --profile=general -- sleep 1d\nsleep 10\nkubectl get pod app -o jsonpath={.status.ephemeralContainerStatuses[0].state}\n',
      encoding: 'utf8',
    });
    expect(out).toMatch(/^\$ kubectl get pod app -o jsonpath=\S+\n\{"running":\{"startedAt":"[^"]+"\}\}/m);
  });
});
