/**
 * `kubectl debug` with ephemeral containers (kubectl v0.34.0 pkg/cmd/debug/debug.go Complete, Validate,
 * debugByEphemeralContainer, handleAttachPod; profiles.go; pkg/cmd/attach/attach.go Run and reattachMessage).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';

let cluster: Cluster;
const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
const text = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('');
const legacy = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';
const prompt =
  "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";

function jsonpath(path: string): string {
  return run(`get pod web -o jsonpath={${path}}`).stdout;
}

beforeEach(() => {
  cluster = createCluster({ seed: 5 });
  expect(run('run web --image=nginx:1.27').exitCode).toBe(0);
  expect(run('expose pod web --port=80').exitCode).toBe(0);
  cluster.advance(30_000);
});

describe('kubectl debug POD --image', () => {
  it('adds an ephemeral container and says only its generated name (plus the legacy-profile warning)', () => {
    const r = run('debug web --image=busybox:1.36 -- sleep 1d');
    expect(r.stderr).toBe(legacy);
    expect(r.stdout).toMatch(/^Defaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\n$/);
    const name = /debugger-\w{5}/.exec(r.stdout)?.[0];
    expect(jsonpath('.spec.ephemeralContainers[0].name')).toBe(name);
    expect(jsonpath('.spec.ephemeralContainers[0].command')).toBe('["sleep","1d"]');
    cluster.advance(10_000);
    expect(jsonpath('.status.ephemeralContainerStatuses[0].state.running.startedAt')).not.toBe('');
    // READY counts the app containers only
    expect(run('get pod web').stdout).toMatch(/web +1\/1 +Running/);
    expect(run('describe pod web').stdout).toContain(`Ephemeral Containers:\n  ${name}:\n    Container ID:`);
  });

  it('-c, --target, --profile=general and -q: the container as named, with SYS_PTRACE, and nothing printed', () => {
    const r = run('debug web -q -c dbg --target=web --profile=general --image=busybox:1.36 -- sleep 1d');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', '', 0]);
    expect(jsonpath('.spec.ephemeralContainers[0]')).toBe(
      '{"command":["sleep","1d"],"image":"busybox:1.36","imagePullPolicy":"IfNotPresent","name":"dbg","resources":{},"securityContext":{"capabilities":{"add":["SYS_PTRACE"]}},"targetContainerName":"web","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}',
    );
    // a second one goes after the first
    expect(run('debug web -q -c dbg2 --profile=netadmin --image=busybox:1.36 -- sleep 1d').exitCode).toBe(0);
    expect(jsonpath('.spec.ephemeralContainers[*].name')).toBe('dbg dbg2');
    expect(jsonpath('.spec.ephemeralContainers[1].securityContext')).toBe('{"capabilities":{"add":["NET_ADMIN","NET_RAW"]}}');
  });

  it('prints --target`s note on stdout before the deprecation warning', () => {
    const r = run('debug web --target=web -c d --image=busybox:1.36');
    expect(r.output.map((c) => c.stream)).toEqual(['stdout', 'stderr']);
    expect(r.stdout).toBe(`Targeting container "web". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
  });

  it('errors as kubectl and the apiserver say them', () => {
    const cases: [string, string][] = [
      ['debug web', 'error: you must specify --image when not using --copy-to.\n'],
      ['debug --image=busybox:1.36', 'error: NAME or filename is required for debug\n'],
      ['debug web --image=Busybox', 'error: invalid image name "Busybox": invalid reference format\n'],
      ['debug web --image=busybox -t', `error: -i/--stdin is required for containers with -t/--tty=true\n`],
      ['debug web --image=busybox --profile=nope', 'error: unknown profile: nope\n'],
      ['debug web --attach --container=""', 'error: you must specify --container or create a new container using --image in order to attach.\n'],
      ['debug nope --image=busybox:1.36', `${legacy}Error from server (NotFound): pods "nope" not found\n`],
      ['debug web -c web --image=busybox:1.36', `${legacy}The Pod "web" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "web"\n`],
      ['debug web -c x --target=app --image=busybox:1.36', `Targeting container "app". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n${legacy}The Pod "web" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "app"\n`],
      ['debug svc/web --image=busybox:1.36', `${legacy}error: "/v1, Kind=Service" not supported by debug\n`],
      ['debug node/kind-worker --image=busybox:1.36', `${legacy}error: kubectl debug node/kind-worker is not simulated yet; debug a pod on that node instead\n`],
      ['debug web --copy-to=web-copy --image=busybox:1.36', `${legacy}error: kubectl debug --copy-to is not simulated yet; add an ephemeral container instead (drop --copy-to)\n`],
    ];
    for (const [line, out] of cases) {
      const r = run(line);
      expect(text(r.output), line).toBe(out);
      expect(r.exitCode, line).toBe(1);
    }
  });
});

describe('kubectl debug -i', () => {
  it('a one-shot command: its output, once the container has run it', () => {
    const r = run('debug -it web --image=busybox:1.28 --profile=general -- nslookup web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Defaulting debug container name to debugger-\w{5}\.\nServer: {4}10\.96\.0\.10\n/);
    // busybox 1.28's nslookup reads /etc/hosts first: the pod's own name is in it
    expect(r.stdout).toContain('Name:      web\nAddress 1: 10.');
  });

  it('-it without a command: the image`s shell, in the pod`s network; exit ends the container for good', () => {
    const r = run('debug -it web -c dbg --image=busybox:1.36 --profile=general');
    expect([r.stdout, r.stderr]).toEqual(['', prompt]);
    const sh = r.attached;
    if (!sh) throw new Error('no shell attached');
    expect(sh.prompt).toBe('/ # ');
    expect(text(sh.run(cluster, 'hostname').output)).toBe('web\n');
    expect(text(sh.run(cluster, 'nslookup web').output)).toContain('Name:\tweb.default.svc.cluster.local\n');
    const end = sh.run(cluster, 'exit 0');
    expect(end).toMatchObject({ exitCode: 0, ended: true });
    expect(text(end.output)).toBe("Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c dbg -i -t' if it is still running\n");
    cluster.advance(30_000);
    expect(jsonpath('.status.ephemeralContainerStatuses[0].state.terminated.reason')).toBe('Completed');
    expect(jsonpath('.status.ephemeralContainerStatuses[0].restartCount')).toBe('0');
  });

  it('kubectl logs -c reads the debug container', () => {
    expect(run('debug -i web -c dbg --image=busybox:1.36 --profile=general -- sh -c "echo hello from dbg"').stdout).toBe('hello from dbg\n');
    expect(run('logs web -c dbg').stdout).toBe('hello from dbg\n');
  });
});
