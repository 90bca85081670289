/**
 * Label selectors (`k8s.io/apimachinery/pkg/labels`, v0.34): the lexer and recursive-descent parser of
 * `selector.go` with its exact error strings, `NewRequirement`'s validation, matching semantics, the canonical
 * `String()` form, and the conversions `SelectorFromSet` and `metav1.LabelSelectorAsSelector`.
 * Selectors are parsed once and compiled to small closures, because matching runs for every pod on hot paths.
 */
import type { LabelSelector as ApiLabelSelector } from '../api/types';
import { lexSelector, Tok, type Token } from './labelSelectorLexer';
import { type Operator, newRequirement, parseInt64, type Requirement, requirementString } from './labelRequirement';
import { goQuote } from '../../shared/goQuote';
import { isQualifiedName } from '../api/validation/names';

export type { Operator, Requirement } from './labelRequirement';
export { newRequirement, parseInt64 } from './labelRequirement';

type Labels = Readonly<Record<string, string>> | undefined;

export interface LabelSelector {
  readonly requirements: readonly Requirement[];
  /** True when the selector has no requirements (selects everything). */
  readonly empty: boolean;
  /** True only for `labels.Nothing()`, what a nil `metav1.LabelSelector` converts to. */
  readonly matchesNothing: boolean;
  matches(labels: Labels): boolean;
  /** `Selector.RequiresExactMatch`: the single value the selector demands for `key`, if it does. */
  requiresExactMatch(key: string): string | undefined;
  /** Canonical text form, as `labels.Selector.String()` prints it. */
  toString(): string;
}

export type ParseResult = { ok: true; selector: LabelSelector } | { ok: false; error: string };

type Matcher = (labels: Labels) => boolean;

/** Compiles one requirement. Label values are strings, so `typeof === 'string'` also rejects prototype members. */
function compile(r: Requirement): Matcher {
  const { key, values } = r;
  const one = values.length === 1 ? values[0] : undefined;
  const set = values.length > 1 ? new Set(values) : undefined;
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      if (one !== undefined) return (l) => l !== undefined && l[key] === one;
      return (l) => {
        const v = l?.[key];
        return typeof v === 'string' && !!set?.has(v);
      };
    case '!=':
    case 'notin':
      // Kubernetes: notin and != also match objects that do not have the label at all.
      if (one !== undefined) return (l) => l === undefined || l[key] !== one;
      return (l) => {
        const v = l?.[key];
        return typeof v !== 'string' || !set?.has(v);
      };
    case 'exists':
      return (l) => typeof l?.[key] === 'string';
    case '!':
      return (l) => typeof l?.[key] !== 'string';
    case 'gt':
    case 'lt': {
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      const gt = r.operator === 'gt';
      return (l) => {
        const v = l?.[key];
        if (typeof v !== 'string' || bound === undefined) return false;
        const n = parseInt64(v);
        if (n === undefined) return false;
        return gt ? n > bound : n < bound;
      };
    }
    default:
      return () => false;
  }
}

function build(requirements: Requirement[]): LabelSelector {
  const matchers = requirements.map(compile);
  const n = matchers.length;
  return {
    requirements,
    empty: n === 0,
    matchesNothing: false,
    matches(labels) {
      for (let i = 0; i < n; i++) if (!matchers[i](labels)) return false;
      return true;
    },
    requiresExactMatch(key) {
      const r = requirements.find((x) => x.key === key);
      const exact = r?.operator === '=' || r?.operator === '==' || r?.operator === 'in';
      return exact && r.values.length === 1 ? r.values[0] : undefined;
    },
    toString() {
      return requirements.map(requirementString).join(',');
    },
  };
}

/** Requirements sorted by key, stably (`sort.Sort(ByKey)`; Go's insertion sort keeps equal keys in order). */
function byKey(reqs: Requirement[]): Requirement[] {
  return reqs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : a.i - b.i))
    .map((x) => x.r);
}

const everythingSelector = build([]);

const nothingSelector: LabelSelector = {
  requirements: [],
  empty: false,
  matchesNothing: true,
  matches: () => false,
  requiresExactMatch: () => undefined,
  toString: () => '',
};

/** `labels.Everything()`: matches every object. */
export function everything(): LabelSelector {
  return everythingSelector;
}

/** `labels.Nothing()`: matches no object. */
export function nothing(): LabelSelector {
  return nothingSelector;
}

/** A selector from already-parsed requirements (sorted by key, as `Selector.Add` does). */
export function selectorFromRequirements(reqs: readonly Requirement[]): LabelSelector {
  return reqs.length === 0 ? everythingSelector : build(byKey([...reqs]));
}

// ---- parser (selector.go `Parser`) ----

const binaryOperators = 'in, notin, =, ==, !=, gt, lt';
const endOfString: Token = { tok: Tok.EndOfString, lit: '' };

/** In the value context the keywords `in` / `notin` are plain identifiers (`x in (in)`). */
function asValue(t: Token): Token {
  return t.tok === Tok.In || t.tok === Tok.NotIn ? { tok: Tok.Identifier, lit: t.lit } : t;
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Token[]) {}

  private lookahead(values: boolean): Token {
    const t = this.items[this.pos] ?? endOfString;
    return values ? asValue(t) : t;
  }

  private consume(values: boolean): Token {
    const t = this.items[this.pos] ?? endOfString;
    this.pos++;
    return values ? asValue(t) : t;
  }

  parse(): Requirement[] | string {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.lookahead(true);
      if (t.tok === Tok.Identifier || t.tok === Tok.DoesNotExist) {
        const r = this.parseRequirement();
        if (typeof r === 'string') return `unable to parse requirement: ${r}`;
        reqs.push(r);
        const next = this.consume(true);
        if (next.tok === Tok.EndOfString) return reqs;
        if (next.tok === Tok.Comma) {
          const after = this.lookahead(true);
          if (after.tok !== Tok.Identifier && after.tok !== Tok.DoesNotExist) {
            return `found '${after.lit}', expected: identifier after ','`;
          }
        } else {
          return `found '${next.lit}', expected: ',' or 'end of string'`;
        }
      } else if (t.tok === Tok.EndOfString) {
        return reqs;
      } else {
        return `found '${t.lit}', expected: !, identifier, or 'end of string'`;
      }
    }
  }

  private parseRequirement(): Requirement | string {
    const ko = this.parseKeyAndInferOperator();
    if (typeof ko === 'string') return ko;
    const [key, inferred] = ko;
    if (inferred === 'exists' || inferred === '!') return unwrap(newRequirement(key, inferred, []));
    const op = this.parseOperator();
    if (typeof op !== 'object') return op;
    const values = op.op === 'in' || op.op === 'notin' ? this.parseValues() : this.parseExactValue();
    if (typeof values === 'string') return values;
    // sets.String.List(): de-duplicated and sorted
    return unwrap(newRequirement(key, op.op, [...new Set(values)].sort()));
  }

  private parseKeyAndInferOperator(): [string, Operator | undefined] | string {
    let op: Operator | undefined;
    let t = this.consume(true);
    if (t.tok === Tok.DoesNotExist) {
      op = '!';
      t = this.consume(true);
    }
    if (t.tok !== Tok.Identifier) return `found '${t.lit}', expected: identifier`;
    const errs = isQualifiedName(t.lit);
    // selector.go validates the key against a nil field path, which Go prints as "<nil>".
    if (errs.length) return `<nil>: Invalid value: ${goQuote(t.lit)}: ${errs.join('; ')}`;
    const next = this.lookahead(true).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && op !== '!') op = 'exists';
    return [t.lit, op];
  }

  private parseOperator(): { op: Operator } | string {
    const t = this.consume(false);
    const op = tokenOperator.get(t.tok);
    return op ? { op } : `found '${t.lit}', expected: ${binaryOperators}`;
  }

  private parseValues(): string[] | string {
    let t = this.consume(true);
    if (t.tok !== Tok.OpenPar) return `found '${t.lit}' expected: '('`;
    t = this.lookahead(true);
    if (t.tok === Tok.Identifier || t.tok === Tok.Comma) {
      const s = this.parseIdentifiersList();
      if (typeof s === 'string') return s;
      // selector.go reports the token that followed '(' here, not the one found
      if (this.consume(true).tok !== Tok.ClosedPar) return `found '${t.lit}', expected: ')'`;
      return s;
    }
    if (t.tok === Tok.ClosedPar) {
      this.consume(true);
      return [''];
    }
    return `found '${t.lit}', expected: ',', ')' or identifier`;
  }

  /** A possibly empty list of comma-separated, possibly empty identifiers: `(a,,b)`, `(,a)`, `(a,)`. */
  private parseIdentifiersList(): string[] | string {
    const s: string[] = [];
    for (;;) {
      const t = this.consume(true);
      if (t.tok === Tok.Identifier) {
        s.push(t.lit);
        const next = this.lookahead(true);
        if (next.tok === Tok.Comma) continue;
        if (next.tok === Tok.ClosedPar) return s;
        return `found '${next.lit}', expected: ',' or ')'`;
      }
      if (t.tok === Tok.Comma) {
        if (s.length === 0) s.push('');
        const next = this.lookahead(true).tok;
        if (next === Tok.ClosedPar) {
          s.push('');
          return s;
        }
        if (next === Tok.Comma) {
          this.consume(true);
          s.push('');
        }
        continue;
      }
      return `found '${t.lit}', expected: ',', or identifier`;
    }
  }

  private parseExactValue(): string[] | string {
    const ahead = this.lookahead(true).tok;
    if (ahead === Tok.EndOfString || ahead === Tok.Comma) return [''];
    const t = this.consume(true);
    return t.tok === Tok.Identifier ? [t.lit] : `found '${t.lit}', expected: identifier`;
  }
}

const tokenOperator = new Map<Tok, Operator>([
  [Tok.In, 'in'],
  [Tok.Equals, '='],
  [Tok.DoubleEquals, '=='],
  [Tok.GreaterThan, 'gt'],
  [Tok.LessThan, 'lt'],
  [Tok.NotIn, 'notin'],
  [Tok.NotEquals, '!='],
]);

function unwrap(r: { ok: true; requirement: Requirement } | { ok: false; error: string }): Requirement | string {
  return r.ok ? r.requirement : r.error;
}

/**
 * `labels.Parse`: the `-l` / `labelSelector` syntax (`a=b,c!=d,e in (x,y),!f,g`). Errors are the exact strings
 * apimachinery returns; the apiserver sends them back verbatim as a 400 BadRequest.
 */
export function parseLabelSelector(text: string): ParseResult {
  const out = new Parser(lexSelector(text)).parse();
  if (typeof out === 'string') return { ok: false, error: out };
  return { ok: true, selector: selectorFromRequirements(out) };
}

/** A selector from a plain map, as a Service's `spec.selector` is (`labels.SelectorFromSet`: empty map → everything). */
export function selectorFromSet(set: Readonly<Record<string, string>> | undefined): LabelSelector {
  const keys = Object.keys(set ?? {});
  if (keys.length === 0) return everythingSelector;
  return build(keys.sort().map((k) => ({ key: k, operator: '=' as Operator, values: [set?.[k] ?? ''] })));
}

/** `labels.ValidatedSelectorFromSet`: like `selectorFromSet`, but keys and values are validated. */
export function validatedSelectorFromSet(set: Readonly<Record<string, string>> | undefined): ParseResult {
  const reqs: Requirement[] = [];
  for (const k of Object.keys(set ?? {}).sort()) {
    const r = newRequirement(k, '=', [set?.[k] ?? '']);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  return { ok: true, selector: selectorFromRequirements(reqs) };
}

const apiOperators: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * `metav1.LabelSelectorAsSelector`: matchLabels plus matchExpressions. A missing selector selects nothing;
 * an empty one (`{}`) selects everything.
 */
export function selectorFromApi(sel: ApiLabelSelector | null | undefined): ParseResult {
  if (sel === undefined || sel === null) return { ok: true, selector: nothingSelector };
  const labels = sel.matchLabels ?? {};
  const exprs = sel.matchExpressions ?? [];
  const keys = Object.keys(labels);
  if (keys.length + exprs.length === 0) return { ok: true, selector: everythingSelector };
  const reqs: Requirement[] = [];
  // Go ranges over the map in random order; sorting keeps the first reported error deterministic.
  for (const k of keys.sort()) {
    const r = newRequirement(k, '=', [labels[k]]);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  for (const e of exprs) {
    const op = Object.hasOwn(apiOperators, e.operator) ? apiOperators[e.operator] : undefined;
    if (!op) return { ok: false, error: `${goQuote(e.operator ?? '')} is not a valid label selector operator` };
    // `append([]string(nil), expr.Values...)`: an empty list becomes nil, which a field error prints as null
    const r = newRequirement(e.key, op, e.values?.length ? [...e.values] : null);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  return { ok: true, selector: selectorFromRequirements(reqs) };
}
