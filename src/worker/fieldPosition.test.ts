import { describe, expect, it } from 'vitest';
import { fieldPosition, splitFieldPath } from './fieldPosition';

const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
---
apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: 40000
`;

describe('fieldPosition', () => {
  it('splits Kubernetes field paths', () => {
    expect(splitFieldPath('spec.ports[0].nodePort')).toEqual(['spec', 'ports', 0, 'nodePort']);
    expect(splitFieldPath('spec.clusterIPs[0]')).toEqual(['spec', 'clusterIPs', 0]);
  });

  it('finds the value the apiserver rejected, in the right document', () => {
    expect(fieldPosition(text, 1, 'spec.ports[0].nodePort')).toEqual({ line: 14, column: 17 });
  });

  it('falls back to the nearest existing parent', () => {
    expect(fieldPosition(text, 1, 'spec.selector')?.line).toBe(11);
    expect(fieldPosition(text, 0, 'spec.containers')).toBeUndefined();
    expect(fieldPosition(text, 5, 'spec')).toBeUndefined();
  });
});
