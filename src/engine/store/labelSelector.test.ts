import { describe, expect, it } from 'vitest';
import { everything, nothing, parseLabelSelector, selectorFromApi, selectorFromSet, validatedSelectorFromSet } from './labelSelector';
import { lexSelector, Tok } from './labelSelectorLexer';

const parse = (s: string) => {
  const r = parseLabelSelector(s);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
};
const parseError = (s: string) => {
  const r = parseLabelSelector(s);
  return r.ok ? `parsed: ${r.selector.toString()}` : r.error;
};

// apimachinery pkg/util/validation/validation.go (v0.34): RegexError puts "', " before each " or ", hence the double spaces
const qualifiedNameMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const req = 'unable to parse requirement: ';

describe('lexer (selector_test.go TestLexer / TestLexerSequence)', () => {
  it.each([
    ['', Tok.EndOfString],
    [',', Tok.Comma],
    ['notin', Tok.NotIn],
    ['in', Tok.In],
    ['=', Tok.Equals],
    ['==', Tok.DoubleEquals],
    ['>', Tok.GreaterThan],
    ['<', Tok.LessThan],
    ['!', Tok.DoesNotExist],
    ['!=', Tok.NotEquals],
    ['(', Tok.OpenPar],
    [')', Tok.ClosedPar],
    ['~', Tok.Identifier],
    ['||', Tok.Identifier],
  ])('%j lexes as one token', (s, tok) => {
    const t = lexSelector(s)[0];
    expect(t.tok).toBe(tok);
    expect(t.lit).toBe(s);
  });

  it('splits sequences the way Go does', () => {
    const kinds = (s: string) => lexSelector(s).map((t) => t.tok);
    expect(kinds('key in ( value1, value2 )')).toEqual([
      Tok.Identifier,
      Tok.In,
      Tok.OpenPar,
      Tok.Identifier,
      Tok.Comma,
      Tok.Identifier,
      Tok.ClosedPar,
      Tok.EndOfString,
    ]);
    expect(kinds('== != (), = notin')).toEqual([
      Tok.DoubleEquals,
      Tok.NotEquals,
      Tok.OpenPar,
      Tok.ClosedPar,
      Tok.Comma,
      Tok.Equals,
      Tok.NotIn,
      Tok.EndOfString,
    ]);
    expect(kinds('key>2')).toEqual([Tok.Identifier, Tok.GreaterThan, Tok.Identifier, Tok.EndOfString]);
    expect(lexSelector('a!==b').map((t) => t.lit)).toEqual(['a', '!=', '=', 'b', '']);
  });
});

describe('parseLabelSelector: canonical String()', () => {
  // selector_test.go TestSelectorParse: the good strings re-print without their spaces
  it.each(['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5'])('%j round-trips', (s) => {
    expect(parse(s).toString()).toBe(s.replaceAll(' ', ''));
  });

  it.each([
    ['x=a,a=x', 'a=x,x=a'], // TestDeterministicParse: requirements sorted by key
    ['app==web', 'app==web'],
    ['env in (prod, dev)', 'env in (dev,prod)'],
    ['env notin (b,a,b)', 'env notin (a,b)'],
    ['x in ()', 'x in ()'],
    ['x in (,a)', 'x in (,a)'],
    ['x in (a,)', 'x in (,a)'],
    ['x in (a,,b)', 'x in (,a,b)'],
    ['x in (in, notin)', 'x in (in,notin)'],
    ['notin=in', 'notin=in'],
    ['  a ,\tb\n', 'a,b'],
    ['legacy, !example.com/tier', '!example.com/tier,legacy'],
    ['z, !a', '!a,z'],
  ])('%j prints as %j', (input, want) => {
    expect(parse(input).toString()).toBe(want);
  });
});

describe('parseLabelSelector: errors (selector.go messages)', () => {
  it.each([
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['x in (a)b', "found 'b', expected: ',' or 'end of string'"],
    [',', "found ',', expected: !, identifier, or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['a b', `${req}found 'b', expected: in, notin, =, ==, !=, gt, lt`],
    ['a !', `${req}found '!', expected: in, notin, =, ==, !=, gt, lt`],
    ['!', `${req}found '', expected: identifier`],
    ['!!a', `${req}found '!', expected: identifier`],
    ['x=(', `${req}found '(', expected: identifier`],
    ['x in a', `${req}found 'a' expected: '('`],
    ['x in', `${req}found '' expected: '('`],
    ['x in (', `${req}found '', expected: ',', ')' or identifier`],
    ['x in (=', `${req}found '=', expected: ',', ')' or identifier`],
    ['x in (a', `${req}found '', expected: ',' or ')'`],
    ['x in (a b)', `${req}found 'b', expected: ',' or ')'`],
    ['x in (,,)', `${req}found ')', expected: ',', or identifier`],
    ['x in (,=)', `${req}found '=', expected: ',', or identifier`],
    ['x<a', `${req}values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x>99999999999999999999', `${req}values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'x>a-',
      `${req}[values[0]: Invalid value: "a-": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a-": ${labelValueMsg}]`,
    ],
    ['x=a||y=b', `${req}values[0][x]: Invalid value: "a||y": ${labelValueMsg}`],
    ['x in (ok,-bad)', `${req}values[0][x]: Invalid value: "-bad": ${labelValueMsg}`],
    [`x=${'v'.repeat(64)}`, `${req}values[0][x]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    // key validation runs against a nil field path, which Go prints as <nil>
    ['-x=1', `${req}<nil>: Invalid value: "-x": name part ${qualifiedNameMsg}`],
    ['a/b/c', `${req}<nil>: Invalid value: "a/b/c": a qualified name ${qualifiedNameMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ['/a', `${req}<nil>: Invalid value: "/a": prefix part must be non-empty`],
    ['a/', `${req}<nil>: Invalid value: "a/": name part must be non-empty; name part ${qualifiedNameMsg}`],
    ['Example.com/a', `${req}<nil>: Invalid value: "Example.com/a": prefix part ${subdomainMsg}`],
    [`${'k'.repeat(64)}`, `${req}<nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['!a-', `${req}<nil>: Invalid value: "a-": name part ${qualifiedNameMsg}`],
  ])('%j → %s', (input, want) => {
    expect(parseError(input)).toBe(want);
  });
});

describe('matching semantics (selector_test.go TestSelectorMatches)', () => {
  const m = (sel: string, labels: Record<string, string> | undefined) => parse(sel).matches(labels);

  it('matches like Kubernetes', () => {
    expect(m('', { x: 'y' })).toBe(true);
    expect(m('x=y', { x: 'y' })).toBe(true);
    expect(m('x=y,z=w', { x: 'y', z: 'w' })).toBe(true);
    expect(m('x!=y,z!=w', { x: 'z', z: 'a' })).toBe(true);
    expect(m('notin=in', { notin: 'in' })).toBe(true);
    expect(m('x', { x: 'z' })).toBe(true);
    expect(m('!x', { y: 'z' })).toBe(true);
    expect(m('x>1', { x: '2' })).toBe(true);
    expect(m('x<1', { x: '0' })).toBe(true);
    expect(m('x=z', {})).toBe(false);
    expect(m('x=y', { x: 'z' })).toBe(false);
    expect(m('x=y,z=w', { x: 'w', z: 'w' })).toBe(false);
    expect(m('x!=y,z!=w', { x: 'z', z: 'w' })).toBe(false);
    expect(m('x', { y: 'z' })).toBe(false);
    expect(m('!x', { x: 'z' })).toBe(false);
    expect(m('x>1', { x: '0' })).toBe(false);
    expect(m('x<1', { x: '2' })).toBe(false);
  });

  it('notin and != match when the key is absent; in and = do not', () => {
    expect(m('env notin (prod)', {})).toBe(true);
    expect(m('env notin (prod,dev)', undefined)).toBe(true);
    expect(m('env!=prod', undefined)).toBe(true);
    expect(m('env in (prod,dev)', { env: 'dev' })).toBe(true);
    expect(m('env in (prod,dev)', {})).toBe(false);
    expect(m('env=', { env: '' })).toBe(true);
    expect(m('env=', {})).toBe(false);
    expect(m('x in (,a)', { x: '' })).toBe(true);
  });

  it('gt/lt need an integer label value', () => {
    expect(m('x>1', { x: 'two' })).toBe(false);
    expect(m('x>1', {})).toBe(false);
    expect(m('x<3', { x: '2' })).toBe(true);
    // a negative bound is not a valid label value, so it cannot be written in a selector
    expect(parseError('x<-3')).toContain('values[0][x]: Invalid value: "-3"');
    expect(m('x>9007199254740992', { x: '9007199254740993' })).toBe(true);
  });

  it('does not mistake prototype members for labels', () => {
    expect(m('constructor', {})).toBe(false);
    expect(m('!toString', {})).toBe(true);
    expect(m('constructor notin (a)', {})).toBe(true);
  });
});

describe('selectorFromSet / everything / nothing', () => {
  it('SelectorFromSet: nil and empty select everything', () => {
    expect(selectorFromSet(undefined).empty).toBe(true);
    expect(selectorFromSet({}).matches({ a: 'b' })).toBe(true);
    const s = selectorFromSet({ ver: '1', app: 'alpaca', env: 'prod' });
    expect(s.toString()).toBe('app=alpaca,env=prod,ver=1');
    expect(s.matches({ app: 'alpaca', env: 'prod', ver: '1', extra: 'x' })).toBe(true);
    expect(s.matches({ app: 'alpaca', env: 'prod' })).toBe(false);
    expect(s.requiresExactMatch('env')).toBe('prod');
  });

  it('everything and nothing', () => {
    expect(everything().matches(undefined)).toBe(true);
    expect(everything().empty).toBe(true);
    expect(nothing().matches({})).toBe(false);
    expect(nothing().empty).toBe(false);
    expect(nothing().matchesNothing).toBe(true);
    expect(nothing().toString()).toBe('');
  });

  it('ValidatedSelectorFromSet reports the first bad key or value', () => {
    const r = validatedSelectorFromSet({ 'bad key': 'x' });
    expect(r.ok ? '' : r.error).toBe(`key: Invalid value: "bad key": name part ${qualifiedNameMsg}`);
    const v = validatedSelectorFromSet({ app: 'a b' });
    expect(v.ok ? '' : v.error).toBe(`values[0][app]: Invalid value: "a b": ${labelValueMsg}`);
  });
});

describe('selectorFromApi (metav1.LabelSelectorAsSelector)', () => {
  const str = (r: ReturnType<typeof selectorFromApi>) => (r.ok ? r.selector.toString() : `error: ${r.error}`);

  it('nil selects nothing, {} selects everything', () => {
    const nil = selectorFromApi(undefined);
    expect(nil.ok && nil.selector.matches({ a: 'b' })).toBe(false);
    const empty = selectorFromApi({});
    expect(empty.ok && empty.selector.matches({ a: 'b' })).toBe(true);
  });

  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const r = selectorFromApi({
      matchLabels: { tier: 'front', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'canary', operator: 'Exists' },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
      ],
    });
    expect(str(r)).toBe('app=web,canary,env in (dev,prod),!legacy,tier=front,zone notin (b)');
    expect(r.ok && r.selector.matches({ app: 'web', tier: 'front', env: 'dev', canary: '' })).toBe(true);
    expect(r.ok && r.selector.matches({ app: 'web', tier: 'front', env: 'dev', canary: '', legacy: 'y' })).toBe(false);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Foo' }] }, 'error: "Foo" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }, 'error: "in" is not a valid label selector operator'],
    // an empty values list is a nil slice after append, which v1.34 field errors print as JSON null
    [
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      "error: values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x', 'y'] }] },
      'error: values: Invalid value: ["x","y"]: values set must be empty for exists and does not exist',
    ],
    [{ matchLabels: { app: 'a b' } }, `error: values[0][app]: Invalid value: "a b": ${labelValueMsg}`],
    [
      { matchExpressions: [{ key: 'bad/key/x', operator: 'In', values: [] }] },
      `error: [key: Invalid value: "bad/key/x": a qualified name ${qualifiedNameMsg} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName'), values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]`,
    ],
  ])('%j → %s', (sel, want) => {
    expect(str(selectorFromApi(sel))).toBe(want);
  });
});
