/**
 * The bookkeeping of a template execution (golang/go src/text/template/exec.go `state`): the node being
 * evaluated, for errors (`template: output:1:10: executing "output" at <.foo>: …`, located by
 * Tree.ErrorContext in parse.go, the column in bytes), and the stack of variables (`$` first).
 */
import type { GoValue } from './goValue';
import { quote } from './goStrconv';
import type { Node, Tree } from './nodes';
import { nodeString } from './nodes';

/** An execution failure; the message is Go's error text. */
export class TemplateExecError extends Error {}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Tree.ErrorContext: `name:line:byte-column` and the node as text. */
function errorContext(n: Node): { location: string; context: string } {
  const text = n.tree.text.slice(0, n.pos);
  const nl = text.lastIndexOf('\n');
  const col = utf8Length(nl < 0 ? text : text.slice(nl + 1));
  const line = text.split('\n').length;
  return { location: `${n.tree.parseName}:${line}:${col}`, context: nodeString(n) };
}

export class ExecState {
  private node: Node | undefined;
  private vars: { name: string; value: GoValue }[];

  constructor(
    protected readonly tmpl: Tree,
    dot: GoValue,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(n: Node): void {
    this.node = n;
  }

  errorf(message: string): never {
    const name = this.tmpl.name;
    if (!this.node) throw new TemplateExecError(`template: ${name}: ${message}`);
    const { location, context } = errorContext(this.node);
    throw new TemplateExecError(`template: ${location}: executing ${quote(name)} at <${context}>: ${message}`);
  }

  protected mark = () => this.vars.length;
  protected pop = (mark: number) => {
    this.vars.length = mark;
  };
  protected push = (name: string, value: GoValue) => this.vars.push({ name, value });
  /** The innermost variable of that name (setVar / varValue). */
  protected lookup(name: string): { value: GoValue } {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i];
    this.errorf(`undefined variable: ${name}`);
  }
  /** setTopVar: the n-th variable from the top, as range sets its variables. */
  protected setTopVar(n: number, value: GoValue): void {
    this.vars[this.vars.length - n].value = value;
  }
}
