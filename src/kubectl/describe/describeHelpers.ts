/**
 * The small printing helpers every describer shares (kubectl `pkg/describe/describe.go`): multi-line labels,
 * annotations (long values folded, last-applied-configuration skipped), tolerations, taints, and the
 * `stringOrNone` / `printBool` conventions.
 */
import type { Taint, Toleration } from '../../engine/api/types';
import { byteOrder } from '../printers/labels';
import { LEVEL_0, type PrefixWriter } from './prefixWriter';

const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const maxAnnotationLen = 140;

/** `<none>` for an empty string. */
export const stringOrNone = (s: string | undefined): string => (s ? s : '<none>');

/** `True`/`False`, as printBool. */
export const printBool = (b: boolean | undefined): string => (b ? 'True' : 'False');

/** printLabelsMultilineWithIndent: one `k=v` per line, continuation lines start with the inner indent. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${k}=${labels?.[k] ?? ''}\n`);
  });
}

/** printAnnotationsMultiline: `k: v` per line; values over 140 characters or multi-line are folded below the key. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skipAnnotations.has(k))
    .sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = (annotations?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > maxAnnotationLen - 2 ? `${s.slice(0, maxAnnotationLen - 2)}...` : s;
        w.write(LEVEL_0, `${indent}  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${k}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; `key=value:Effect op=Exists for 300s`. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // an Exists toleration without a value is a special case that tolerates everything
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** `Taint.ToString()`: `key=value:Effect`, `key:Effect`. */
export function taintString(t: Taint): string {
  if (!t.value) return `${t.key}:${t.effect}`;
  return `${t.key}=${t.value}:${t.effect}`;
}

/** printNodeTaintsMultiline: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => byteOrder(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}
