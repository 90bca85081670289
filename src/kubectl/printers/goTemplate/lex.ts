/**
 * text/template's lexer (golang/go src/text/template/parse/lex.go, Go 1.24): text up to `{{`, actions with their
 * tokens, trim markers (`{{- ` and ` -}}` eat the white space beside them), comments `{{/* … *\/}}`, and the
 * lexer's error texts (`unclosed action`, `bad character U+007D '}'`, …). Positions are indexes into the template
 * text; lines count from 1.
 */
import { describeRune, quote } from './goStrconv';
import { type Item, type ItemType, keywords } from './items';

const EOF = -1;
const leftDelim = '{{';
const rightDelim = '}}';
const spaceChars = ' \t\r\n';
const isSpace = (r: number) => r === 32 || r === 9 || r === 13 || r === 10;
const isAlphaNumeric = (r: number) => r === 95 || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
const printableAscii = (r: number) => r >= 0x20 && r < 0x7f;
const hasLeftTrimMarker = (s: string) => s.length >= 2 && s[0] === '-' && spaceChars.includes(s[1]);
const hasRightTrimMarker = (s: string) => s.length >= 2 && spaceChars.includes(s[0]) && s[1] === '-';
const countNewlines = (s: string) => s.split('\n').length - 1;
const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;
const rightTrimLength = (s: string) => s.length - s.replace(/[ \t\r\n]+$/, '').length;

type State = ((l: Lexer) => State) | undefined;

export class Lexer {
  private pos = 0;
  private start = 0;
  private atEOF = false;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private item: Item = { typ: 'EOF', pos: 0, val: 'EOF', line: 1 };
  private insideAction = false;

  constructor(private input: string) {}

  /** The next token (EOF forever at the end). */
  nextItem(): Item {
    this.item = { typ: 'EOF', pos: this.pos, val: 'EOF', line: this.startLine };
    let state: State = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) ?? 0;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 10) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (this.atEOF || this.pos === 0) return;
    const low = this.input.charCodeAt(this.pos - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 && this.input.charCodeAt(this.pos - 2) >= 0xd800 && this.input.charCodeAt(this.pos - 2) <= 0xdbff;
    this.pos -= pair ? 2 : 1;
    if (low === 10) this.line--;
  }

  private thisItem(typ: ItemType): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(typ: ItemType): State {
    return this.emitItem(this.thisItem(typ));
  }

  emitItem(i: Item): State {
    this.item = i;
    return undefined;
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(message: string): State {
    this.item = { typ: 'error', pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return undefined;
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.startsWith(rightDelim, 2)) return { delim: true, trim: true };
    return { delim: rest.startsWith(rightDelim), trim: false };
  }

  /** Is the input at a character that may end an identifier (so `.X.Y` splits and `$x+2` does not lex)? */
  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || '.,|:)('.includes(String.fromCodePoint(r))) return true;
    return this.input.startsWith(rightDelim, this.pos);
  }

  static text(l: Lexer): State {
    const x = l.input.indexOf(leftDelim, l.pos);
    if (x >= 0) {
      if (x > l.pos) {
        l.pos = x;
        const trim = hasLeftTrimMarker(l.input.slice(x + leftDelim.length)) ? rightTrimLength(l.input.slice(l.start, l.pos)) : 0;
        l.pos -= trim;
        l.line += countNewlines(l.input.slice(l.start, l.pos));
        const i = l.thisItem('text');
        l.pos += trim;
        l.ignore();
        if (i.val.length > 0) return l.emitItem(i);
      }
      return lexLeftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start) {
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      return l.emit('text');
    }
    return l.emit('EOF');
  }

  static leftDelim(l: Lexer): State {
    l.pos += leftDelim.length;
    const trim = hasLeftTrimMarker(l.input.slice(l.pos));
    const afterMarker = trim ? 2 : 0;
    if (l.input.startsWith('/*', l.pos + afterMarker)) {
      l.pos += afterMarker;
      l.ignore();
      return lexComment;
    }
    const i = l.thisItem('leftDelim');
    l.insideAction = true;
    l.pos += afterMarker;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(i);
  }

  static comment(l: Lexer): State {
    l.pos += 2;
    const x = l.input.indexOf('*/', l.pos);
    if (x < 0) return l.errorf('unclosed comment');
    l.pos = x + 2;
    const { delim, trim } = l.atRightDelim();
    if (!delim) return l.errorf('comment ends before closing delimiter');
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    l.thisItem('comment');
    if (trim) l.pos += 2;
    l.pos += rightDelim.length;
    if (trim) l.pos += leftTrimLength(l.input.slice(l.pos));
    l.ignore();
    return lexText;
  }

  static rightDelim(l: Lexer): State {
    const { trim } = l.atRightDelim();
    if (trim) {
      l.pos += 2;
      l.ignore();
    }
    l.pos += rightDelim.length;
    const i = l.thisItem('rightDelim');
    if (trim) {
      l.pos += leftTrimLength(l.input.slice(l.pos));
      l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(i);
  }

  static insideAction(l: Lexer): State {
    if (l.atRightDelim().delim) {
      if (l.parenDepth === 0) return lexRightDelim;
      return l.errorf('unclosed left paren');
    }
    const r = l.next();
    if (r === EOF) return l.errorf('unclosed action');
    if (isSpace(r)) {
      l.backup();
      return lexSpace;
    }
    const c = String.fromCodePoint(r);
    switch (c) {
      case '=':
        return l.emit('assign');
      case ':':
        if (l.next() !== 61) return l.errorf('expected :=');
        return l.emit('declare');
      case '|':
        return l.emit('pipe');
      case '"':
        return lexQuote;
      case '`':
        return lexRawQuote;
      case '$':
        return lexVariable;
      case "'":
        return lexChar;
      case '(':
        l.parenDepth++;
        return l.emit('leftParen');
      case ')':
        l.parenDepth--;
        if (l.parenDepth < 0) return l.errorf('unexpected right paren');
        return l.emit('rightParen');
    }
    if (c === '.' && l.pos < l.input.length && !(l.input[l.pos] >= '0' && l.input[l.pos] <= '9')) return lexField;
    if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
      l.backup();
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      l.backup();
      return lexIdentifier;
    }
    if (printableAscii(r)) return l.emit('char');
    return l.errorf(`unrecognized character in action: ${describeRune(r)}`);
  }

  static space(l: Lexer): State {
    let spaces = 0;
    while (isSpace(l.peek())) {
      l.next();
      spaces++;
    }
    // a space may begin a trim-marked right delimiter
    if (hasRightTrimMarker(l.input.slice(l.pos - 1)) && l.input.startsWith(rightDelim, l.pos + 1)) {
      l.backup();
      if (spaces === 1) return lexRightDelim;
    }
    return l.emit('space');
  }

  static identifier(l: Lexer): State {
    for (;;) {
      const r = l.next();
      if (isAlphaNumeric(r)) continue;
      l.backup();
      const word = l.input.slice(l.start, l.pos);
      if (!l.atTerminator()) return l.errorf(`bad character ${describeRune(r)}`);
      const key = Object.hasOwn(keywords, word) ? keywords[word] : undefined;
      if (key && key !== 'dot') return l.emit(key);
      if (word[0] === '.') return l.emit('field');
      if (word === 'true' || word === 'false') return l.emit('bool');
      return l.emit('identifier');
    }
  }

  /** A field `.Name` or a variable `$name` (the `.` or `$` read): alone it is dot or `$`. */
  static fieldOrVariable(l: Lexer, typ: 'field' | 'variable'): State {
    if (l.atTerminator()) return l.emit(typ === 'variable' ? 'variable' : 'dot');
    let r: number;
    for (;;) {
      r = l.next();
      if (!isAlphaNumeric(r)) {
        l.backup();
        break;
      }
    }
    if (!l.atTerminator()) return l.errorf(`bad character ${describeRune(r)}`);
    return l.emit(typ);
  }

  /** A quoted item up to its closing quote; `"` and `'` stop at a newline, raw strings only at the end. */
  static quoted(l: Lexer, close: number, typ: ItemType, unterminated: string): State {
    for (;;) {
      let r = l.next();
      if (close !== 96 && r === 92) {
        r = l.next();
        if (r !== EOF && r !== 10) continue;
        return l.errorf(unterminated);
      }
      if (r === EOF || (close !== 96 && r === 10)) return l.errorf(unterminated);
      if (r === close) return l.emit(typ);
    }
  }

  static number(l: Lexer): State {
    if (!l.scanNumber()) return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    const sign = l.peek();
    if (sign === 43 || sign === 45) {
      if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
      return l.emit('complex');
    }
    return l.emit('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

const lexText: State = Lexer.text;
const lexLeftDelim: State = Lexer.leftDelim;
const lexComment: State = Lexer.comment;
const lexRightDelim: State = Lexer.rightDelim;
const lexInsideAction: State = Lexer.insideAction;
const lexSpace: State = Lexer.space;
const lexIdentifier: State = Lexer.identifier;
const lexField: State = (l) => Lexer.fieldOrVariable(l, 'field');
const lexVariable: State = (l) => Lexer.fieldOrVariable(l, 'variable');
const lexQuote: State = (l) => Lexer.quoted(l, 34, 'string', 'unterminated quoted string');
const lexRawQuote: State = (l) => Lexer.quoted(l, 96, 'rawString', 'unterminated raw quoted string');
const lexChar: State = (l) => Lexer.quoted(l, 39, 'charConstant', 'unterminated character constant');
const lexNumber: State = Lexer.number;
