/**
 * text/template's parser (golang/go src/text/template/parse/parse.go, Go 1.24): actions, pipelines with
 * declarations (`$x := …`, `$i, $e := range …`, `$x = …`), if / else if / range / with / else with / break /
 * continue / define / block / template, parenthesized pipelines, field chains, with Go's parse errors
 * (`template: output:1: unexpected "}" in operand`, `function "foo" not defined`, `undefined variable "$x"`, …).
 * Tokens are read with the same three-token look-ahead so errors name the same token and line.
 */
import type { Item, ItemType } from './items';
import { Lexer } from './lex';
import { TokenReader } from './tokenReader';
import { QuoteSyntaxError, quote, unquote } from './goStrconv';
import { type BranchNode, type ChainNode, type CommandNode, type ListNode, type Node, type PipeNode, type TemplateNode, type Tree, type VariableNode, nodeString } from './nodes';
import { parseNumber } from './numberConstant';

export { TemplateParseError } from './tokenReader';

const maxStackDepth = 10000;
const goSpace = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u;

/** parse.IsEmptyTree: nothing but white space and comments. */
function isEmptyTree(n: Node | undefined): boolean {
  if (!n) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return goSpace.test(n.text);
    default:
      return false;
  }
}

class Parser extends TokenReader {
  private vars = ['$'];
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(
    name: string,
    parseName: string,
    text: string,
    lex: Lexer,
    private funcs: ReadonlySet<string>,
    private treeSet: Map<string, Tree>,
  ) {
    super({ name, parseName, text, root: undefined }, lex);
  }

  private sub(name: string): Parser {
    return new Parser(name, this.tree.parseName, this.tree.text, this.lexer, this.funcs, this.treeSet);
  }

  private list(pos: number): ListNode {
    return { type: 'list', pos, tree: this.tree, nodes: [] };
  }

  /** The top level: text and actions to EOF, `{{define}}`s put aside. */
  parse(): void {
    this.tree.root = this.list(this.peek().pos);
    while (this.peek().typ !== 'EOF') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().typ === 'define') {
          this.sub('definition').parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.tree.root.nodes.push(n);
    }
  }

  add(): void {
    const existing = this.treeSet.get(this.tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root)) this.errorf(`template: multiple definition of template ${quote(this.tree.name)}`);
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    this.tree.name = this.unquote(t.val);
    this.expect('rightDelim', context);
    const { list, next } = this.itemList();
    this.tree.root = list;
    if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`);
    this.add();
  }

  private unquote(s: string): string {
    try {
      return unquote(s);
    } catch (e) {
      if (e instanceof QuoteSyntaxError) this.errorf(e.message);
      throw e;
    }
  }

  private itemList(): { list: ListNode; next: Node } {
    const list = this.list(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return { list, next: n };
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'text':
        return { type: 'text', pos: token.pos, tree: this.tree, text: token.val };
      case 'leftDelim':
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case 'comment':
        return { type: 'comment', pos: token.pos, tree: this.tree, text: token.val };
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'block':
        return this.blockControl();
      case 'break':
      case 'continue':
        return this.loopControl(token);
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos, tree: this.tree };
      case 'if':
      case 'range':
      case 'with':
        return this.branch(token.typ);
      case 'template':
        return this.templateControl();
    }
    this.backup();
    const first = this.peek();
    return { type: 'action', pos: first.pos, line: first.line, tree: this.tree, pipe: this.pipeline('command', 'rightDelim') };
  }

  private loopControl(token: Item): Node {
    const word = token.typ as 'break' | 'continue';
    const t = this.nextNonSpace();
    if (t.typ !== 'rightDelim') this.unexpected(t, `{{${word}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
    return { type: word, pos: token.pos, line: token.line, tree: this.tree };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, tree: this.tree, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      this.next();
      // "$x foo" needs three tokens of look-ahead to tell an argument from a declaration
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.variable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().typ;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (afterVariable.typ === 'space') this.backup3(v, afterVariable);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) this.errorf(`non executable command in pipeline stage ${i + 2}`);
    });
  }

  /** if, range and with: the pipeline, the list, and an {{else}} list (`else if` / `else with` nest). */
  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      let { list, next } = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if ((context === 'if' || context === 'with') && this.peek().typ === context) {
          this.next();
          elseList = this.list(next.pos);
          elseList.nodes.push(this.branch(context));
        } else {
          ({ list: elseList, next } = this.itemList());
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, tree: this.tree, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === 'if' || peek.typ === 'with') return { type: 'else', pos: peek.pos, line: peek.line, tree: this.tree };
    const t = this.expect('rightDelim', 'else');
    return { type: 'else', pos: t.pos, line: t.line, tree: this.tree };
  }

  private templateName(token: Item, context: string): string {
    if (token.typ !== 'string' && token.typ !== 'rawString') this.unexpected(token, context);
    return this.unquote(token.val);
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.sub(name);
    const { list, next } = block.itemList();
    block.tree.root = list;
    if (next.type !== 'end') this.errorf(`unexpected ${nodeString(next)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, tree: this.tree, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: token.pos, line: token.line, tree: this.tree, name, pipe };
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, tree: this.tree, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    let node = this.term();
    if (!node) return undefined;
    if (this.peek().typ === 'field') {
      const chain: ChainNode = { type: 'chain', pos: this.peek().pos, tree: this.tree, node, field: [] };
      while (this.peek().typ === 'field') chain.field.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chain.pos, tree: this.tree, ident: nodeString(chain).slice(1).split('.') };
          break;
        case 'variable':
          node = this.variable(chain.pos, nodeString(chain));
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  }

  private variable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, tree: this.tree, ident: ident.split('.') };
  }

  private term(): Node | undefined {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.funcs.has(t.val)) this.errorf(`function ${quote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, tree: this.tree, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos, tree: this.tree };
      case 'nil':
        return { type: 'nil', pos: t.pos, tree: this.tree };
      case 'variable': {
        const v = this.variable(t.pos, t.val);
        if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quote(v.ident[0])}`);
        return v;
      }
      case 'field':
        return { type: 'field', pos: t.pos, tree: this.tree, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, tree: this.tree, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number': {
        const n = parseNumber(t.val, t.typ);
        if ('error' in n) this.errorf(n.error);
        return { type: 'number', pos: t.pos, tree: this.tree, text: t.val, ...n };
      }
      case 'leftParen':
        if (this.stackDepth >= maxStackDepth) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.stackDepth--;
        }
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, tree: this.tree, quoted: t.val, text: this.unquote(t.val) };
    }
    this.backup();
    return undefined;
  }
}

/**
 * Parses a template as template.New(name).Funcs(…).Parse(text) does: the named trees (the template itself and
 * its `define`s / `block`s). `funcs` names the functions the template may call.
 */
export function parseTemplate(name: string, text: string, funcs: ReadonlySet<string>): Map<string, Tree> {
  const trees = new Map<string, Tree>();
  const p = new Parser(name, name, text, new Lexer(text), funcs, trees);
  p.parse();
  p.add();
  return trees;
}
