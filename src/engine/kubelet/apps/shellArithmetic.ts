/**
 * The shell's arithmetic expansion, `$((…))`, as POSIX sh defines it ("Arithmetic Expansion": C's integer
 * operators and precedence, a variable's name standing for its value, an unset or empty one for 0): what the
 * counter idiom `i=$((i+1))` needs. Assignment operators (`i+=1`, `i++`) are not modelled.
 */

type Token = { kind: 'number'; value: number } | { kind: 'name'; name: string } | { kind: 'op'; op: string };

function tokens(expr: string): Token[] | undefined {
  // sticky, so each match starts where the last ended: made per call, as its lastIndex is state
  const tokenPattern = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)|([A-Za-z_][A-Za-z0-9_]*)|(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&^|?:]))/y;
  const out: Token[] = [];
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    tokenPattern.lastIndex = at;
    const m = tokenPattern.exec(expr);
    if (!m) return undefined;
    at = tokenPattern.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'number', value: m[1].startsWith('0') && m[1].length > 1 && !/^0[xX]/.test(m[1]) ? Number.parseInt(m[1], 8) : Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'name', name: m[2] });
    else out.push({ kind: 'op', op: m[3] });
  }
  return out;
}

/** Binary operators from the loosest to the tightest binding (C's precedence). */
const levels: readonly (readonly string[])[] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

class ArithmeticError extends Error {}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    default:
      if (b === 0) throw new ArithmeticError('divide by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
  }
}

/**
 * The value of `expr` (its `$` expansions already done), a name read through `variable`; an error for a
 * syntax the shell would refuse or a division by zero (the words busybox ash prints: `arithmetic syntax error`,
 * `divide by zero`).
 */
export function evaluateArithmetic(expr: string, variable: (name: string) => string): { value: number } | { error: string } {
  const list = tokens(expr);
  if (!list) return { error: 'arithmetic syntax error' };
  let i = 0;
  const peekOp = () => {
    const t = list[i];
    return t?.kind === 'op' ? t.op : undefined;
  };
  const expectOp = (op: string) => {
    if (peekOp() !== op) throw new ArithmeticError('arithmetic syntax error');
    i++;
  };
  const primary = (): number => {
    const t = list[i++];
    if (!t) throw new ArithmeticError('arithmetic syntax error');
    if (t.kind === 'number') return t.value;
    if (t.kind === 'name') {
      const v = variable(t.name).trim();
      if (v === '') return 0;
      if (!/^-?\d+$/.test(v)) throw new ArithmeticError('arithmetic syntax error');
      return Number(v);
    }
    if (t.op === '(') {
      const v = ternary();
      expectOp(')');
      return v;
    }
    if (t.op === '-') return -primary();
    if (t.op === '+') return primary();
    if (t.op === '!') return primary() === 0 ? 1 : 0;
    if (t.op === '~') return ~primary();
    throw new ArithmeticError('arithmetic syntax error');
  };
  const binary = (level: number): number => {
    if (level === levels.length) return primary();
    let left = binary(level + 1);
    for (let op = peekOp(); op !== undefined && levels[level].includes(op); op = peekOp()) {
      i++;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  const ternary = (): number => {
    const cond = binary(0);
    if (peekOp() !== '?') return cond;
    i++;
    const yes = ternary();
    expectOp(':');
    const no = ternary();
    return cond !== 0 ? yes : no;
  };
  try {
    if (list.length === 0) return { value: 0 };
    const value = ternary();
    if (i !== list.length) return { error: 'arithmetic syntax error' };
    return { value };
  } catch (e) {
    if (e instanceof ArithmeticError) return { error: e.message };
    throw e;
  }
}
