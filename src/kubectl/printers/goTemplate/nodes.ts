/**
 * text/template's parse tree (golang/go src/text/template/parse/node.go). Each node keeps its position (an index
 * into the template text), its tree (for error locations) and prints itself as Go's `String()` does, which is
 * what execution errors quote in `executing "output" at <…>`.
 */
import { quote } from './goStrconv';
import type { NumberValue } from './numberConstant';

/** A parsed template: its name and the name errors report, its text, its root list. */
export interface Tree {
  name: string;
  parseName: string;
  text: string;
  root: ListNode | undefined;
}

interface Base {
  pos: number;
  tree: Tree;
}

export interface ListNode extends Base {
  type: 'list';
  nodes: Node[];
}
export interface TextNode extends Base {
  type: 'text';
  text: string;
}
export interface CommentNode extends Base {
  type: 'comment';
  text: string;
}
export interface PipeNode extends Base {
  type: 'pipe';
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface ActionNode extends Base {
  type: 'action';
  line: number;
  pipe: PipeNode;
}
export interface CommandNode extends Base {
  type: 'command';
  args: Node[];
}
export interface IdentifierNode extends Base {
  type: 'identifier';
  ident: string;
}
export interface VariableNode extends Base {
  type: 'variable';
  ident: string[];
}
export interface DotNode extends Base {
  type: 'dot';
}
export interface NilNode extends Base {
  type: 'nil';
}
export interface FieldNode extends Base {
  type: 'field';
  ident: string[];
}
export interface ChainNode extends Base {
  type: 'chain';
  node: Node;
  field: string[];
}
export interface BoolNode extends Base {
  type: 'bool';
  value: boolean;
}
/** A number constant with every Go type that can hold it (an ideal constant). */
export interface NumberNode extends Base, NumberValue {
  type: 'number';
  text: string;
}
export interface StringNode extends Base {
  type: 'string';
  quoted: string;
  text: string;
}
export interface EndNode extends Base {
  type: 'end';
}
export interface ElseNode extends Base {
  type: 'else';
  line: number;
}
/** if, range and with (BranchNode). */
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}
export interface BreakNode extends Base {
  type: 'break';
  line: number;
}
export interface ContinueNode extends Base {
  type: 'continue';
  line: number;
}
export interface TemplateNode extends Base {
  type: 'template';
  line: number;
  name: string;
  pipe: PipeNode | undefined;
}

export type Node =
  | ListNode
  | TextNode
  | CommentNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | ContinueNode
  | TemplateNode;


function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) s = `${p.decl.map(nodeString).join(', ')} := `;
  return s + p.cmds.map(nodeString).join(' | ');
}

/** node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'comment':
      return `{{${n.text}}}`;
    case 'pipe':
      return pipeString(n);
    case 'action':
      return `{{${pipeString(n.pipe)}}}`;
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((id) => `.${id}`).join('');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => `.${f}`).join('');
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${pipeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? `{{else}}${nodeString(n.elseList)}` : ''}{{end}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'template':
      return `{{template ${quote(n.name)}${n.pipe ? ` ${pipeString(n.pipe)}` : ''}}}`;
  }
}
