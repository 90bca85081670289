/**
 * The parser's token stream and error reporting (golang/go src/text/template/parse/parse.go `next`, `backup`,
 * `backup2`, `backup3`, `peek`, `nextNonSpace`, `errorf`, `expect`, `unexpected`): three tokens of look-ahead, and
 * errors that name the line of the token last read, `template: output:LINE: …`.
 */
import { type Item, type ItemType, itemString } from './items';
import type { Lexer } from './lex';
import type { Tree } from './nodes';

/** A parse failure; the message is Go's error text. */
export class TemplateParseError extends Error {}

export class TokenReader {
  private token: Item[] = [];
  private peekCount = 0;
  /** The line of the action being parsed (0 outside one), for errors in multi-line actions. */
  protected actionLine = 0;

  constructor(
    readonly tree: Tree,
    protected readonly lexer: Lexer,
  ) {}

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexer.nextItem();
    return this.token[this.peekCount];
  }
  protected backup(): void {
    this.peekCount++;
  }
  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lexer.nextItem();
    return this.token[0];
  }
  protected nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === 'space');
    return t;
  }
  protected peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(message: string): never {
    this.tree.root = undefined;
    throw new TemplateParseError(`template: ${this.tree.parseName}:${this.token[0]?.line ?? 0}: ${message}`);
  }

  protected expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }

  protected unexpected(token: Item, context: string): never {
    if (token.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.tree.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

}
