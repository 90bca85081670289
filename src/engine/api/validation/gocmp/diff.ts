/**
 * `cmp.Diff(old, new)` for JSON objects described by a Go type: the text Kubernetes appends to validation
 * errors such as the Pod update Forbidden message. Empty when the two values are equal.
 */
import { compareValues } from './compare';
import { formatDiff } from './formatDiff';
import { defaultOptions } from './formatValue';
import type { GoType } from './goTypes';
import { readGo } from './goValue';
import { renderText } from './text';

/** Renders the differences between `oldJson` and `newJson` as go-cmp's pseudo-Go report. */
export function goCmpDiff(type: GoType, oldJson: unknown, newJson: unknown): string {
  const root = compareValues(type, readGo(type, oldJson), readGo(type, newJson));
  if (root.numDiff === 0) return '';
  const text = formatDiff(defaultOptions, root);
  return text ? renderText(text) : '';
}
