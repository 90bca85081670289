/**
 * Command-line flag parsing as spf13/pflag does it for cobra commands: interspersed flags, `--flag=value`,
 * `--flag value`, `-o wide`, `-owide`, `-o=wide`, combined boolean shorthands (`-wA`), `--` ending flags (cobra's
 * ArgsLenAtDash), NoOptDefVal flags, and pflag's exact error texts (`unknown flag: --foo`, `unknown shorthand
 * flag: 'x' in -x`, `flag needs an argument: --namespace`, `invalid argument "x" for "-w, --watch" flag: ...`).
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';
export type FlagValue = boolean | string | number | string[];

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: FlagValue;
  /** Value used when the flag is given without one (bool flags: "true"). */
  noOptDefVal?: string;
}

/** A parse failure; the caller adds kubectl's `See '... --help' for usage.` line. */
export class FlagParseError extends Error {}

/** Parsed flag values with typed accessors. */
export class FlagValues {
  constructor(
    private readonly values: Map<string, FlagValue>,
    private readonly changedSet: Set<string>,
  ) {}

  /** Whether the user set the flag. */
  changed(name: string): boolean {
    return this.changedSet.has(name);
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : '';
  }

  int(name: string): number {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : 0;
  }

  strings(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  /** A duration flag in milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }
}

export interface ParsedArgs {
  flags: FlagValues;
  args: string[];
  /** Index in `args` where `--` was seen, or -1. */
  argsLenAtDash: number;
  help: boolean;
}

const defaultFor = (f: FlagSpec): FlagValue => {
  if (f.default !== undefined) return Array.isArray(f.default) ? [...f.default] : f.default;
  switch (f.type) {
    case 'bool':
      return false;
    case 'int':
    case 'duration':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return '';
  }
};

/** strconv.ParseBool */
function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, 64) */
function parseInt64(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s.replaceAll('_', ''));
  if (!m) return undefined;
  const body = m[2];
  let v: number;
  if (/^0[xX]/.test(body)) v = Number.parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = Number.parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = Number.parseInt(body.slice(2), 2);
  else if (body.length > 1 && body[0] === '0') v = Number.parseInt(body, 8);
  else v = Number(body);
  return m[1] === '-' ? -v : v;
}

const durationUnits: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The longest time.Duration, 2^63-1 ns (about 292 years), in ms. */
const maxDurationMs = 9_223_372_036_854.775;

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const m = /^([-+]?)((?:[0-9]*\.?[0-9]+(?:ns|us|µs|ms|s|m|h))+)$/.exec(s);
  if (!m) return undefined;
  let total = 0;
  for (const part of m[2].matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * durationUnits[part[2]];
  // a Duration is an int64 of nanoseconds: ParseDuration refuses what overflows it (Go src/time/format.go)
  if (total > maxDurationMs) return undefined;
  return m[1] === '-' ? -total : total;
}

/** Parses `argv` against the command's flags (local and inherited). */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((f) => [f.name, f]));
  const byShort = new Map(specs.filter((f) => f.shorthand).map((f) => [f.shorthand as string, f]));
  const values = new Map<string, FlagValue>(specs.map((f) => [f.name, defaultFor(f)]));
  const changed = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;

  const display = (f: FlagSpec) => (f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`);
  const set = (f: FlagSpec, raw: string) => {
    const invalid = (inner: string) => new FlagParseError(`invalid argument "${raw}" for "${display(f)}" flag: ${inner}`);
    const first = !changed.has(f.name);
    changed.add(f.name);
    switch (f.type) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) throw invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
        values.set(f.name, b);
        return;
      }
      case 'int': {
        const n = parseInt64(raw);
        if (n === undefined) throw invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
        values.set(f.name, n);
        return;
      }
      case 'duration': {
        const d = parseGoDuration(raw);
        if (d === undefined) throw invalid(`time: invalid duration "${raw}"`);
        values.set(f.name, d);
        return;
      }
      case 'stringArray':
      case 'stringSlice': {
        const add = f.type === 'stringSlice' ? (raw === '' ? [] : raw.split(',')) : [raw];
        const prev = first ? [] : (values.get(f.name) as string[]);
        values.set(f.name, [...prev, ...add]);
        return;
      }
      default:
        values.set(f.name, raw);
    }
  };

  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift() as string;
    if (s.length < 2 || s[0] !== '-') {
      args.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new FlagParseError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const f = byName.get(name);
      if (!f) {
        if (name === 'help') {
          help = true;
          continue;
        }
        throw new FlagParseError(`unknown flag: --${name}`);
      }
      if (eq >= 0) set(f, body.slice(eq + 1));
      else if (f.noOptDefVal !== undefined || f.type === 'bool') set(f, f.noOptDefVal ?? 'true');
      else if (rest.length > 0) set(f, rest.shift() as string);
      else throw new FlagParseError(`flag needs an argument: ${s}`);
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      let next = shorthands.slice(1);
      const f = byShort.get(c);
      if (!f) {
        if (c === 'h') {
          help = true;
          shorthands = next;
          continue;
        }
        throw new FlagParseError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      }
      if (shorthands.length > 2 && shorthands[1] === '=') {
        set(f, shorthands.slice(2));
        next = '';
      } else if (f.noOptDefVal !== undefined || f.type === 'bool') set(f, f.noOptDefVal ?? 'true');
      else if (shorthands.length > 1) {
        set(f, shorthands.slice(1));
        next = '';
      } else if (rest.length > 0) set(f, rest.shift() as string);
      else throw new FlagParseError(`flag needs an argument: '${c}' in -${shorthands}`);
      shorthands = next;
    }
  }
  return { flags: new FlagValues(values, changed), args, argsLenAtDash, help };
}
