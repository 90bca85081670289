/**
 * A container process's endless loop (`while true; do wget -qO- web; echo; sleep 1; done`): the steps of one
 * round run again every round until the process ends. Each round is real work (a wget walks the node's rules with
 * the cluster's randomness), so a long advance costs a round's work per round; svcsim runs a bounded number of
 * rounds of one process, after which the process runs on quietly and the cluster log says so. Without the bound,
 * `sleep 1000000h` beside one such pod would run 3.6 billion rounds.
 */
import type { TimerHandle } from '../clock';
import type { ProcessPlan, ProcessStep } from './apps/app';
import { type KubeletHost, logPod, podTimer } from './kubeletHost';
import type { PodRuntime } from './podRuntime';

/** The rounds svcsim runs of one process's endless loop: 2 h 46 min of a loop that sleeps 1 s. */
export const maxProcessLoopRounds = 10_000;

/** Starts the rounds of `loop`; the handle stops them (the process ended). */
export function startProcessLoop(
  host: KubeletHost,
  pr: PodRuntime,
  container: string,
  loop: NonNullable<ProcessPlan['loop']>,
  runStep: (step: ProcessStep) => void,
): TimerHandle {
  const label = `process loop ${container}`;
  const later = new Set<TimerHandle>();
  let rounds = 0;
  let next: TimerHandle;
  const round = () => {
    rounds++;
    // the steps after a sleep first, then the next round: a step at the round's very end runs before it
    for (const step of loop.steps) {
      if (step.atMs === 0) continue;
      const t = podTimer(host, pr, step.atMs, label, () => {
        later.delete(t);
        runStep(step);
      });
      later.add(t);
    }
    if (rounds < maxProcessLoopRounds) next = podTimer(host, pr, loop.periodMs, label, round);
    else logPod(host, pr, `svcsim stopped running the loop of container ${container} in ${pr.key} after ${maxProcessLoopRounds} rounds; the process runs on with no output`);
    for (const step of loop.steps) if (step.atMs === 0) runStep(step);
  };
  next = podTimer(host, pr, loop.atMs, label, round);
  return {
    cancel() {
      next.cancel();
      for (const t of later) t.cancel();
      later.clear();
    },
    get at() {
      return next.at;
    },
  };
}
