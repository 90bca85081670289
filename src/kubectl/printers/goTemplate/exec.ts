/**
 * text/template's execution (golang/go src/text/template/exec.go, Go 1.24) over the values of goValue.ts: walking
 * text, actions, if/with/range (over slices, maps with sorted keys, and integers), break/continue, {{template}};
 * evaluating pipelines, field chains on maps (`missingkey=default` gives `<no value>`, `missingkey=error` fails
 * with `map has no entry for key "x"`), variables, constants and function calls with their argument conversions.
 * Errors read as Go's: `template: output:1:10: executing "output" at <.foo>: …`. Output written before an error
 * is kept, as Go's writer has it.
 */
import { type GoValue, bool, fromJson, indirect, indirectInterface, int, invalid, isTrue, mapIndex, missing, nilIface, sortedKeys, str, toAny } from './goValue';
import { sprint } from './goPrintf';
import { quote } from './goStrconv';
import { ExecState, TemplateExecError } from './execState';
import { FuncError, type ParamType, type TemplateFunc, templateFuncs, truth } from './funcs';
import type { BranchNode, ChainNode, FieldNode, IdentifierNode, Node, NumberNode, PipeNode, TemplateNode, Tree, VariableNode } from './nodes';
import { nodeString } from './nodes';

export { TemplateExecError } from './execState';

const maxExecDepth = 100000;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

interface Sink {
  out: string;
}

class State extends ExecState {
  constructor(
    tmpl: Tree,
    private trees: ReadonlyMap<string, Tree>,
    private missingKeyError: boolean,
    private sink: Sink,
    dot: GoValue,
    private depth = 0,
  ) {
    super(tmpl, dot);
  }

  walk(dot: GoValue, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.sink.out += node.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: GoValue): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const { truth: t, ok } = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${sprint([val])}`);
      if (t) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: GoValue, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = indirect(this.evalPipeline(dot, r.pipe)).v;
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: GoValue, elem: GoValue) => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.lookup(decl[0].ident[0]).value = decl.length > 1 ? index : elem;
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.lookup(decl[1].ident[0]).value = elem;
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (val.t) {
        case 'int':
        case 'uint8': {
          if (decl.length > 1) this.errorf(`can't use ${sprint([val])} to iterate over more than one variable`);
          const n = val.t === 'int' ? val.v : BigInt(val.v);
          for (let i = 0n; i < n; i++) {
            ran = true;
            oneIteration(invalid, val.t === 'int' ? int(i) : { t: 'uint8', v: Number(i) });
          }
          break;
        }
        case 'slice':
          val.v.forEach((x, i) => {
            ran = true;
            oneIteration(int(i), { t: 'iface', v: fromJson(x) });
          });
          break;
        case 'map':
          for (const k of sortedKeys(val.v)) {
            ran = true;
            oneIteration(str(k), mapIndex(val.v, k));
          }
          break;
        case 'invalid':
          break;
        default:
          this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.trees.get(t.name);
    if (!tmpl) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === maxExecDepth) this.errorf(`exceeded maximum template depth (${maxExecDepth})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const inner = new State(tmpl, this.trees, this.missingKeyError, this.sink, newDot, this.depth + 1);
    try {
      if (tmpl.root) inner.walk(newDot, tmpl.root);
    } catch (e) {
      // JavaScript's stack ends long before Go's 100000 nested templates: report what Go reports at its limit
      if (e instanceof RangeError) {
        inner.at(t);
        inner.errorf(`exceeded maximum template depth (${maxExecDepth})`);
      }
      throw e;
    }
  }

  private evalPipeline(dot: GoValue, pipe: PipeNode | undefined): GoValue {
    if (!pipe) return invalid;
    this.at(pipe);
    let value = missing;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd.args, value, cmd);
      if (value.t === 'iface') value = value.v;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.lookup(v.ident[0]).value = value;
      else this.push(v.ident[0], value);
    }
    return value;
  }

  private notAFunction(args: readonly Node[] | undefined, final: GoValue): void {
    if ((args?.length ?? 0) > 1 || final.t !== 'missing') this.errorf(`can't give argument to non-function ${args ? nodeString(args[0]) : ''}`);
  }

  private evalCommand(dot: GoValue, args: readonly Node[], final: GoValue, cmd: Node): GoValue {
    const first = args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, args, final);
      case 'chain':
        return this.evalChainNode(dot, first, args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, args, final);
      case 'pipe':
        this.notAFunction(args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(first, args, final);
    }
    this.at(first);
    this.notAFunction(args, final);
    switch (first.type) {
      case 'bool':
        return bool(first.value);
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return str(first.text);
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  /** A number constant with no type to fit: int, float64 by its spelling, or complex128. */
  private idealConstant(c: NumberNode): GoValue {
    this.at(c);
    const hexInt = c.text.length > 2 && c.text[0] === '0' && 'xX'.includes(c.text[1]) && !/[pP]/.test(c.text);
    if (c.isComplex) return { t: 'complex128', ...c.complex };
    if (c.isFloat && !hexInt && c.text[0] !== "'" && /[.eEpP]/.test(c.text)) return { t: 'float64', v: c.float64 };
    if (c.isInt) return int(c.int64);
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return invalid;
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: readonly Node[] | undefined, final: GoValue): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: readonly Node[] | undefined, final: GoValue): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain(pipe, chain.field, args, final);
  }

  private evalVariableNode(v: VariableNode, args: readonly Node[] | undefined, final: GoValue): GoValue {
    this.at(v);
    const value = this.lookup(v.ident[0]).value;
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(value, v.ident.slice(1), args, final);
  }

  private evalFieldChain(receiver: GoValue, ident: string[], args: readonly Node[] | undefined, final: GoValue): GoValue {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(ident[i], undefined, missing, r);
    return this.evalField(ident[ident.length - 1], args, final, r);
  }

  /** `.Name` on a value: a map entry (the only fields and methods unstructured data has). */
  private evalField(name: string, args: readonly Node[] | undefined, final: GoValue, receiver: GoValue): GoValue {
    if (receiver.t === 'invalid') {
      if (this.missingKeyError) this.errorf(`nil data; no entry for key ${quote(name)}`);
      return invalid;
    }
    const typ = receiver.t === 'iface' ? 'interface {}' : typeOf(receiver);
    const { v, isNil } = indirect(receiver);
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = (args?.length ?? 0) > 1 || final.t !== 'missing';
    if (v.t === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const result = mapIndex(v.v, name);
      if (result.t === 'invalid' && this.missingKeyError) this.errorf(`map has no entry for key ${quote(name)}`);
      return result;
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: readonly Node[] | undefined, final: GoValue): GoValue {
    this.at(node);
    const fn = templateFuncs.get(node.ident);
    if (!fn) this.errorf(`${quote(node.ident)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.ident, args, final);
  }

  private evalCall(dot: GoValue, fn: TemplateFunc, node: Node, name: string, allArgs: readonly Node[] | undefined, final: GoValue): GoValue {
    const args = allArgs ? allArgs.slice(1) : [];
    const hasFinal = final.t !== 'missing';
    const numIn = args.length + (hasFinal ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    if (fn.builtin && (name === 'and' || name === 'or')) {
      let v: GoValue = invalid;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (hasFinal) v = this.validateType(final, 'value');
      return v;
    }
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]));
    if (hasFinal) {
      const t = !fn.variadic ? fn.params[fn.params.length - 1] : numIn - 1 < numFixed ? fn.params[numIn - 1] : fn.variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      if (fn.builtin && name === 'call') {
        const callee = args.length === 0 ? (final.t === 'string' ? final.v : `<${typeOf(final)} Value>`) : nodeString(args[0]);
        const f = indirectInterface(argv[0]);
        throw new FuncError(f.t === 'invalid' ? 'call of nil' : `non-function ${callee} of type ${typeOf(f)}`);
      }
      return fn.call(argv.map((a, k) => ((k < fn.params.length ? fn.params[k] : fn.variadic) === 'any' ? toAny(a) : a)));
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  /** An argument of a parameter type (undefined: no type, as for the term of a chain). */
  private evalArg(dot: GoValue, typ: ParamType | undefined, n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'string') this.errorf('cannot assign nil to string');
        return typ === 'any' ? nilIface : invalid;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], missing), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, undefined, missing), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, missing), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, missing), typ);
    }
    if (typ === 'string') {
      if (n.type === 'string') return str(n.text);
      this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.evalEmptyInterface(n);
  }

  private evalEmptyInterface(n: Node): GoValue {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return bool(n.value);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return str(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  /** validateType: an argument fits its parameter (a string parameter takes a string inside an interface). */
  private validateType(value: GoValue, typ: ParamType | undefined): GoValue {
    if (value.t === 'invalid') {
      if (typ === 'string') this.errorf('invalid value; expected string');
      return typ === 'any' ? nilIface : invalid;
    }
    if (typ !== 'string' || value.t === 'string') return value;
    const elem = value.t === 'iface' && value.v.t !== 'invalid' ? value.v : value;
    if (elem.t === 'string') return elem;
    this.errorf(`wrong type for value; expected string; got ${elem.t === 'iface' ? 'interface {}' : typeOf(elem)}`);
  }

  private printValue(n: Node, v: GoValue): void {
    this.at(n);
    this.sink.out += v.t === 'invalid' ? '<no value>' : sprint([v]);
  }
}

const typeOf = (v: GoValue): string => (v.t === 'map' ? 'map[string]interface {}' : v.t === 'slice' ? '[]interface {}' : v.t === 'iface' ? 'interface {}' : v.t);

/** Template.Execute: the output, and the error that stopped it (after the output written before it). */
export function executeTemplate(trees: ReadonlyMap<string, Tree>, name: string, data: GoValue, missingKeyError: boolean): { output: string; error?: string } {
  const sink: Sink = { out: '' };
  const tree = trees.get(name);
  if (!tree?.root) return { output: '', error: `template: ${name}: ${quote(name)} is an incomplete or empty template` };
  const state = new State(tree, trees, missingKeyError, sink, data);
  try {
    state.walk(data, tree.root);
    return { output: sink.out };
  } catch (e) {
    if (e instanceof TemplateExecError) return { output: sink.out, error: e.message };
    throw e;
  }
}
