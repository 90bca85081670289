/**
 * The key sources of `create configmap` / `create secret`: kubernetes/kubectl v0.34.0 pkg/util/util.go
 * (ParseFileSource: the key is `path.Base` of the path; ParseLiteralSource) and pkg/cmd/util/env_file.go
 * (AddFromEnvFile over bufio.ScanLines; IsEnvVarName from apimachinery pkg/util/validation/validation.go).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';
import type { CommandEnv } from '../cli/command';
import { CommandError } from '../cli/errors';
import { addFromEnvFile, envVarNameErrors, parseFileSource, parseLiteralSource } from './dataSources';

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandError) return e.message;
  }
  return undefined;
};

function envRead(text: string): Record<string, string> {
  const env = { ctx: { cluster: createCluster({ seed: 1 }), readFile: () => text } } as unknown as CommandEnv;
  const out: Record<string, string> = {};
  addFromEnvFile(env, 'x.env', (k, v) => {
    out[k] = v;
  });
  return out;
}

describe('file and literal sources', () => {
  it("keys a file by path.Base of its path, or by the key before '='", () => {
    expect(parseFileSource('a/b/c.txt')).toEqual({ key: 'c.txt', path: 'a/b/c.txt' });
    expect(parseFileSource('dir/')).toEqual({ key: 'dir', path: 'dir/' });
    expect(parseFileSource('/')).toEqual({ key: '/', path: '/' });
    expect(parseFileSource('k=a/b')).toEqual({ key: 'k', path: 'a/b' });
    expect(message(() => parseFileSource('='))).toBe('key name for file path  missing');
  });

  it("splits a literal at its first '='", () => {
    expect(parseLiteralSource('k=')).toEqual({ key: 'k', value: '' });
    expect(parseLiteralSource('k=a=b')).toEqual({ key: 'k', value: 'a=b' });
    expect(message(() => parseLiteralSource('=v'))).toBe('invalid literal source =v, expected key=value');
  });
});

describe('env files', () => {
  it('trims leading white space as unicode.IsSpace does, never trailing', () => {
    expect(envRead('\t\u00a0A=1 \n\u0085B=2\n')).toEqual({ A: '1 ', B: '2' });
  });

  it('drops a byte-order mark on the first line only', () => {
    expect(envRead('\uFEFFA=1\n')).toEqual({ A: '1' });
    expect(message(() => envRead('A=1\n\uFEFFB=2\n'))).toMatch(/B" is not a valid key name: a valid environment variable name/);
  });

  it('stops silently at a line of 64 KiB or more, keeping the keys before it', () => {
    expect(envRead(`A=1\nB=${'x'.repeat(65_533)}\nC=3\n`)).toEqual({ A: '1', B: 'x'.repeat(65_533), C: '3' });
    expect(envRead(`A=1\nB=${'x'.repeat(65_534)}\nC=3\n`)).toEqual({ A: '1' });
  });

  it("checks keys as IsEnvVarName: no leading digit, and not '.' or '..'-prefixed", () => {
    expect(envVarNameErrors('_ok.name-1')).toEqual([]);
    expect(envVarNameErrors('..x')).toEqual(["must not start with '..'"]);
    expect(envVarNameErrors('1x')).toHaveLength(1);
  });
});
