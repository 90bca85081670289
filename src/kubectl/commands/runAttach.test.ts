/**
 * `kubectl run -it` and `kubectl attach -it` (kubectl pkg/cmd/run/run.go Run, handleAttachPod, removeCreatedObjects;
 * pkg/cmd/attach/attach.go Run, reattachMessage): kubectl waits for the pod to run, says `If you don't see a
 * command prompt, try pressing enter.`, and the container's shell takes the lines; its `exit` ends the main
 * process. Then, under restartPolicy Always, `Session ended, resume using 'kubectl attach …' …`; under Never
 * kubectl waits for the pod to complete and a failed one's exit code is kubectl's (`pod NS/NAME terminated
 * (Error)`, printed as is: cmd/util/helpers.go checkErr for a uexec.ExitError); `--rm` deletes the pod first
 * (the deferred removeCreatedObjects).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cluster, createCluster } from '../../engine';
import { splitCommandLine } from '../commandLine';
import { runKubectl } from '../kubectl';
import type { AttachedInput } from '../cli/command';

let cluster: Cluster;
const run = (line: string) => runKubectl({ cluster }, splitCommandLine(line));
const text = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('');
// kubectl v0.34.0 pkg/cmd/attach/attach.go Run prints both lines unless --quiet
const prompt =
  "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n";

function attached(line: string): AttachedInput {
  const r = run(line);
  expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', prompt, 0]);
  if (!r.attached) throw new Error(`${line}: no shell attached`);
  return r.attached;
}

beforeEach(() => {
  cluster = createCluster({ seed: 5 });
});

describe('kubectl run -it', () => {
  it('--rm --restart=Never: the shell runs in the new pod; exit deletes it and succeeds', () => {
    const sh = attached('run -it --rm --restart=Never tmp --image=busybox:1.36 -- sh');
    expect(sh.prompt).toBe('/ # ');
    expect(text(sh.run(cluster, 'hostname').output)).toBe('tmp\n');
    const end = sh.run(cluster, 'exit');
    expect(end).toMatchObject({ exitCode: 0, ended: true });
    expect(end.output).toEqual([{ stream: 'stdout', text: 'pod "tmp" deleted from default namespace\n' }]);
    // a completed pod has nothing to stop: it is gone at once
    expect(cluster.store.get('Pod', 'default/tmp')).toBeUndefined();
  });

  it('a failed shell fails kubectl with its exit code, after the pod is deleted', () => {
    const sh = attached('run -it --rm --restart=Never tmp --image=busybox:1.36');
    const end = sh.run(cluster, 'exit 4');
    expect(end).toMatchObject({ exitCode: 4, ended: true });
    expect(end.output).toEqual([
      { stream: 'stdout', text: 'pod "tmp" deleted from default namespace\n' },
      { stream: 'stderr', text: 'pod default/tmp terminated (Error)\n' },
    ]);
  });

  it('under restartPolicy Always (the default) kubectl says how to reattach, and kubectl attach -it does', () => {
    const sh = attached('run -it keep --image=busybox:1.36');
    expect(text(sh.run(cluster, 'exit 3').output)).toBe("Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n");
    cluster.advance(5000);
    // the kubelet restarted the container whose process exited
    expect(cluster.store.get('Pod', 'default/keep')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    const again = attached('attach keep -c keep -i -t');
    expect(text(again.run(cluster, 'hostname').output)).toBe('keep\n');
  });

  it('without --rm a pod whose shell exited 0 under Never is Completed', () => {
    attached('run -it done --image=busybox:1.36 --restart=Never').run(cluster, 'exit');
    expect(cluster.store.get('Pod', 'default/done')?.status?.phase).toBe('Succeeded');
  });

  it('refuses --dry-run with attaching, and attaching to a completed pod', () => {
    expect(run('run -i x --image=busybox:1.36 --dry-run=client').stderr).toMatch(/^error: --dry-run=\[server\|client\] can't be used with attached containers options \(--attach, --stdin, or --tty\)\n/);
    run('run once --image=busybox:1.36 --restart=Never -- true');
    cluster.advance(10_000);
    expect(run('attach once -it').stderr).toBe('error: cannot attach a container in a completed pod; current phase is Succeeded\n');
  });
});
