/**
 * text/template's lexical items (golang/go src/text/template/parse/lex.go `item`, `itemType`, `key`) and how a
 * parse error names one (`item.String()`: `"}"`, `<end>`, `EOF`, `"0123456789"...`).
 */
import { quote } from './goStrconv';
import { byteLength } from './goValue';

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'EOF'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

export const keywords: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};
const keywordTypes = new Set<ItemType>(Object.values(keywords));

/** item.String(), as parse errors quote a token. */
export function itemString(i: Item): string {
  if (i.typ === 'EOF') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (keywordTypes.has(i.typ)) return `<${i.val}>`;
  if (byteLength(i.val) > 10) return `${quote([...i.val].slice(0, 10).join(''))}...`;
  return quote(i.val);
}
