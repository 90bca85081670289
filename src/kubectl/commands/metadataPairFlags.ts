/** The flags `kubectl label` and `kubectl annotate` share (pkg/cmd/label and pkg/cmd/annotate declare the same set). */
import type { FlagSpec } from '../cli/flags';
import { dryRunFlag, printFlags } from './objectOutput';

export function metadataPairFlags(fieldManager: string): FlagSpec[] {
  return [
    { name: 'overwrite', type: 'bool' },
    { name: 'list', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'resource-version', type: 'string' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'field-manager', type: 'string', default: fieldManager },
    dryRunFlag,
    ...printFlags,
  ];
}
