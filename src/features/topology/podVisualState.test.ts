import { describe, expect, it } from 'vitest';
import { podVisualState } from './podVisualState';

// STATUS texts as kubectl's printPod words them (kubernetes/kubernetes pkg/printers/internalversion/printers.go)
describe('podVisualState', () => {
  it('colours init progress as creating and a failing init container as failed', () => {
    expect(podVisualState('Init:0/2', false)).toBe('creating');
    expect(podVisualState('Init:1/2', false)).toBe('creating');
    expect(podVisualState('PodInitializing', false)).toBe('creating');
    expect(podVisualState('Init:Error', false)).toBe('failed');
    expect(podVisualState('Init:CrashLoopBackOff', false)).toBe('failed');
    expect(podVisualState('Init:ExitCode:3', false)).toBe('failed');
  });

  it('keeps readiness apart from the phase', () => {
    expect(podVisualState('Running', true)).toBe('ready');
    expect(podVisualState('Running', false)).toBe('notready');
    expect(podVisualState('Terminating', true)).toBe('terminating');
  });
});
