/**
 * Maps kubectl's STATUS text and the pod's Ready condition onto the few visual states the canvas colours.
 * Readiness is separate from phase: a Running pod that is not Ready gets its own colour.
 */
export type PodVisualState = 'pending' | 'creating' | 'ready' | 'notready' | 'terminating' | 'failed' | 'succeeded';

export function podVisualState(status: string, podReady: boolean): PodVisualState {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Running') return podReady ? 'ready' : 'notready';
  // `Init:1/2` is progress; `Init:Error`, `Init:CrashLoopBackOff`, `Init:ExitCode:3` are an init container failing
  if (status === 'ContainerCreating' || status === 'PodInitializing' || /^Init:\d+\/\d+$/.test(status)) return 'creating';
  if (status === 'Pending') return 'pending';
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded';
  if (status === 'NotReady') return 'notready';
  return 'failed';
}
