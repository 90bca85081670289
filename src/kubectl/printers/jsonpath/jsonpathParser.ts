/**
 * The JSONPath template parser of k8s.io/client-go `util/jsonpath/parser.go`: text outside `{...}` is printed
 * as is; inside an action: `.field`, `..` recursive descent, `[n]`, `[start:end:step]`, `[*]`, `['a','b']`
 * unions and dict keys, `[?(@.x=="y")]` filters, quoted strings with Go escapes, numbers, `true`/`false`, and
 * the `range`/`end` identifiers. Error messages are the Go ones.
 */

export interface ParamsEntry {
  value: number;
  known: boolean;
  /** The end index was derived from the start (`[3]` means `[3:4]`). */
  derived: boolean;
}

export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }
  | { type: 'identifier'; name: string };

export type ListNode = { type: 'list'; nodes: JsonPathNode[] };

/** A parse error, with the message client-go gives. */
export class JsonPathSyntaxError extends Error {}

const eof = '';
const sliceOperatorRex = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const dictKeyRex = /^'([^']*)'$/;
const filterRex = /^([^!<>=]+)([!<>=~]+)(.+?)$/s;

const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);

function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === eof || '.,[]$@{}'.includes(r);
}

const newList = (): ListNode => ({ type: 'list', nodes: [] });

/** Parses a JSONPath template into its root list of nodes. */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}

class Parser {
  private readonly root = newList();
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return eof;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === eof) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.parseRightDelim();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        return;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        return;
      }
      const r = this.next();
      if (r === eof || isEndOfLine(r)) throw new JsonPathSyntaxError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        // spaces are skipped; @ and $ stand for the current object
        this.consumeText();
        continue;
      }
      if (r === '[') {
        this.parseArray(cur);
        return;
      }
      if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
        return;
      }
      if (r === '.') {
        this.parseField(cur);
        return;
      }
      if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
        return;
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
        return;
      }
      throw new JsonPathSyntaxError(`unrecognized character in action: ${goRuneFormat(r)}`);
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) {
        this.parseField(cur);
        return;
      }
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[-+]?[0-9]+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathSyntaxError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new JsonPathSyntaxError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const strs = text.split(',');
    if (strs.length > 1) {
      const union: ListNode[] = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      this.parseInsideAction(cur);
      return;
    }
    const key = dictKeyRex.exec(text);
    if (key) {
      for (const n of parseAction(`.${key[1]}`).nodes) cur.nodes.push(n);
      this.parseInsideAction(cur);
      return;
    }
    const m = sliceOperatorRex.exec(text);
    if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`);
    const parts = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      let v = parts[i];
      const entry: ParamsEntry = { value: 0, known: false, derived: false };
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') entry.known = false;
        else {
          if (!/^[-+]?[0-9]+$/.test(v)) throw new JsonPathSyntaxError(`array index ${v} is not a number`);
          entry.known = true;
          entry.value = Number(v);
        }
      } else if (i === 1) {
        entry.known = true;
        entry.value = params[0].value + 1;
        entry.derived = true;
      }
      params.push(entry);
    }
    cur.nodes.push({ type: 'array', params: params as [ParamsEntry, ParamsEntry, ParamsEntry] });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new JsonPathSyntaxError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathSyntaxError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = filterRex.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === eof || r === '\n') throw new JsonPathSyntaxError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch {
      throw new JsonPathSyntaxError(`unquote string ${value} error invalid syntax`);
    }
    cur.nodes.push({ type: 'text', text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // scan to the next unescaped terminator
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replaceAll('\\', '') });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: parses `{text}` and returns the action's list node. */
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`);
  return root.nodes[0] as ListNode;
}

/** Go's %#U: `U+0021 '!'`. */
function goRuneFormat(r: string): string {
  const c = r.codePointAt(0) ?? 0;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** `UnquoteExtend`: strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) throw new Error('invalid syntax');
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new Error('invalid syntax');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e in simple) out += simple[e];
    else if (e === "'" || e === '"') {
      if (e !== quote) throw new Error('invalid syntax');
      out += e;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error('invalid syntax');
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else throw new Error('invalid syntax');
  }
  return out;
}
