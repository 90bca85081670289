/**
 * The kubelet's side of a shell's script as a container's main process (apps/shellScript.ts): the script runs
 * until it sleeps, a timer resumes it when that virtual time has passed, and its end is the process's exit.
 * Each resume is real work (a wget in a loop walks the node's rules), so a long advance costs a resume's work per
 * sleep: svcsim follows one process through a bounded number of sleeps, after which the process runs on quietly
 * and the cluster log says so. Without the bound, `sleep 1000000h` beside one pod that loops with `sleep 1` would
 * resume it 3.6 billion times.
 */
import type { TimerHandle } from '../clock';
import type { ProcessScript } from './apps/app';
import { type KubeletHost, logPod, podTimer } from './kubeletHost';
import type { PodRuntime } from './podRuntime';

/** The sleeps svcsim follows one process through: 2 h 46 min of a loop that sleeps 1 s a round. */
export const maxProcessSleeps = 10_000;

/**
 * Runs `script` from now: up to its first sleep at once, then on from each sleep's end. `exited` is told the
 * status when the script ends (not when it waits for good); an end before any sleep is told from a timer of its
 * own at this instant, as the process's exit is an event after its start. The handle stops it (the process was
 * killed).
 */
export function runProcessScript(host: KubeletHost, pr: PodRuntime, container: string, script: ProcessScript, exited: (status: number) => void): TimerHandle {
  let sleeps = 0;
  let timer: TimerHandle | undefined;
  const resume = () => {
    timer = undefined;
    const next = script.next();
    if (next.done) {
      const status = next.value;
      if (status !== undefined && sleeps === 0) timer = podTimer(host, pr, 0, `process exit ${container}`, () => exited(status));
      else if (status !== undefined) exited(status);
      return;
    }
    if (++sleeps > maxProcessSleeps) {
      logPod(host, pr, `svcsim stopped following the process of container ${container} in ${pr.key} after ${maxProcessSleeps} sleeps; it runs on with no more output`);
      return;
    }
    timer = podTimer(host, pr, next.value, `process ${container}`, resume);
  };
  resume();
  return {
    cancel: () => timer?.cancel(),
    get at() {
      return timer?.at ?? Number.NaN;
    },
  };
}
