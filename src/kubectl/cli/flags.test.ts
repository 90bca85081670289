/** Flag parsing checked against spf13/pflag flag.go (parseLongArg, parseSingleShortArg) and its error texts. */
import { describe, expect, it } from 'vitest';
import { type FlagSpec, parseFlags, parseGoDuration } from './flags';

const specs: FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'watch', shorthand: 'w', type: 'bool' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
  { name: 'env', type: 'stringArray' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' },
];

describe('parseFlags', () => {
  it('parses interspersed flags in every pflag form', () => {
    const p = parseFlags(['pods', '-owide', '-wA', '--namespace=kube-system', 'x', '--grace-period', '0x1f', '-L', 'app,env', '-L=tier'], specs);
    expect(p.args).toEqual(['pods', 'x']);
    expect(p.flags.string('output')).toBe('wide');
    expect(p.flags.bool('watch')).toBe(true);
    expect(p.flags.bool('all-namespaces')).toBe(true);
    expect(p.flags.string('namespace')).toBe('kube-system');
    expect(p.flags.int('grace-period')).toBe(31);
    expect(p.flags.strings('label-columns')).toEqual(['app', 'env', 'tier']);
  });

  it('stops at -- and records its position', () => {
    const p = parseFlags(['alpaca-prod', '--', 'env', '-x'], specs);
    expect(p.args).toEqual(['alpaca-prod', 'env', '-x']);
    expect(p.argsLenAtDash).toBe(1);
  });

  it('keeps defaults and NoOptDefVal', () => {
    expect(parseFlags([], specs).flags.int('grace-period')).toBe(-1);
    expect(parseFlags(['--dry-run'], specs).flags.string('dry-run')).toBe('unchanged');
    expect(parseFlags(['--env', 'A=1', '--env', 'B=2,3'], specs).flags.strings('env')).toEqual(['A=1', 'B=2,3']);
  });

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['-wx'], "unknown shorthand flag: 'x' in -x"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--watch=maybe'], 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['--grace-period=abc'], 'invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
  ])('%j fails with %s', (argv, message) => {
    expect(() => parseFlags(argv, specs)).toThrow(message);
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('5')).toBeUndefined();
  });
});
