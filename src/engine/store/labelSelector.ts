/**
 * Label selectors (`k8s.io/apimachinery/pkg/labels`).
 * PLACEHOLDER: equality-only parsing; the full lexer/parser with Kubernetes' exact error messages replaces it.
 */
import type { LabelSelector as ApiLabelSelector } from '../api/types';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface LabelSelector {
  readonly requirements: readonly Requirement[];
  /** True when the selector has no requirements (selects everything). */
  readonly empty: boolean;
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** Canonical text form, as `labels.Selector.String()` prints it. */
  toString(): string;
}

export type ParseResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

function build(requirements: Requirement[]): LabelSelector {
  return {
    requirements,
    empty: requirements.length === 0,
    matches(labels) {
      return requirements.every((r) => {
        const has = labels !== undefined && Object.hasOwn(labels, r.key);
        const v = has ? labels?.[r.key] : undefined;
        switch (r.operator) {
          case '=':
          case '==':
          case 'in':
            return has && r.values.includes(v ?? '');
          case '!=':
          case 'notin':
            return !has || !r.values.includes(v ?? '');
          case 'exists':
            return has;
          case '!':
            return !has;
          default:
            return false;
        }
      });
    },
    toString() {
      return requirements.map((r) => `${r.key}=${r.values[0] ?? ''}`).join(',');
    },
  };
}

export function parseLabelSelector(text: string): ParseResult {
  const reqs: Requirement[] = [];
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part);
    if (m) reqs.push({ key: m[1].trim(), operator: m[2] as Operator, values: [m[3].trim()] });
    else if (part.startsWith('!')) reqs.push({ key: part.slice(1).trim(), operator: '!', values: [] });
    else reqs.push({ key: part, operator: 'exists', values: [] });
  }
  return { ok: true, selector: build(reqs) };
}

/** A selector from a plain map, as a Service's `spec.selector` is (`labels.SelectorFromSet`). */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): LabelSelector {
  return build(
    Object.keys(set ?? {})
      .sort()
      .map((k) => ({ key: k, operator: '=' as Operator, values: [set?.[k] ?? ''] })),
  );
}

/** `metav1.LabelSelectorAsSelector`: matchLabels plus matchExpressions. */
export function selectorFromApi(sel: ApiLabelSelector | undefined): ParseResult {
  const reqs: Requirement[] = [];
  for (const k of Object.keys(sel?.matchLabels ?? {}).sort()) reqs.push({ key: k, operator: '=', values: [sel?.matchLabels?.[k] ?? ''] });
  for (const e of sel?.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])] });
  }
  return { ok: true, selector: build(reqs) };
}
