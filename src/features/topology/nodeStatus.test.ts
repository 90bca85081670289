// STATUS column: kubernetes/kubernetes pkg/printers/internalversion/printers.go printNode
import { describe, expect, it } from 'vitest';
import { nodeStatus } from './nodeStatus';

const ready = (status: string) => ({ conditions: [{ type: 'Ready', status }] });

describe('nodeStatus', () => {
  it('reads like kubectl get nodes', () => {
    expect(nodeStatus({ status: ready('True') })).toBe('Ready');
    expect(nodeStatus({ status: ready('Unknown') })).toBe('NotReady');
    expect(nodeStatus({})).toBe('Unknown');
    expect(nodeStatus({ spec: { unschedulable: true }, status: ready('True') })).toBe('Ready,SchedulingDisabled');
    expect(nodeStatus({ spec: { unschedulable: true }, status: ready('False') })).toBe('NotReady,SchedulingDisabled');
  });
});
