import { describe, expect, it } from 'vitest';
import { maxNestingDepth } from '../yamlLimits';
import { goJsonSyntaxError } from './goJsonSyntax';

// Expected texts are encoding/json's (scanner.go stateXxx functions and checkValid).
describe('goJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    for (const t of ['{}', ' {"a": [1, -2.5e+3, true, false, null, "x\\u00e9"]} ', '[]', '"s"', '0']) expect(goJsonSyntaxError(t)).toBeUndefined();
  });

  it('words errors like Go', () => {
    expect(goJsonSyntaxError('{"spec":')).toBe('unexpected end of JSON input');
    expect(goJsonSyntaxError('{spec:1}')).toBe("invalid character 's' looking for beginning of object key string");
    expect(goJsonSyntaxError('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(goJsonSyntaxError('{"a":1 "b":2}')).toBe(`invalid character '"' after object key:value pair`);
    expect(goJsonSyntaxError('[1 2]')).toBe("invalid character '2' after array element");
    expect(goJsonSyntaxError("{'a':1}")).toBe("invalid character '\\'' looking for beginning of object key string");
    expect(goJsonSyntaxError('{"a":tru}')).toBe("invalid character '}' in literal true (expecting 'e')");
    expect(goJsonSyntaxError('{"a":01}')).toBe("invalid character '1' after object key:value pair");
    expect(goJsonSyntaxError('{"a":1}}')).toBe("invalid character '}' after top-level value");
    expect(goJsonSyntaxError('{"a":x}')).toBe("invalid character 'x' looking for beginning of value");
  });

  it('stops at the nesting limit with Go\'s "exceeded max depth" wording (scanner.go pushParseState)', () => {
    const ok = `${'['.repeat(maxNestingDepth)}${']'.repeat(maxNestingDepth)}`;
    expect(goJsonSyntaxError(ok)).toBeUndefined();
    expect(goJsonSyntaxError(`{"a":${ok.replace('[', '[{"b":[')}`)).toBe("invalid character '[' exceeded max depth");
    expect(goJsonSyntaxError('['.repeat(10_000))).toBe("invalid character '[' exceeded max depth");
  });
});
