import { describe, expect, it } from 'vitest';
import { goJsonObjectError, goJsonSyntaxError } from './goJsonSyntax';

// messages of Go's encoding/json scanner (encoding/json/scanner.go) and Unmarshal's UnmarshalTypeError
describe('Go encoding/json syntax errors', () => {
  it.each([
    ['{"auths":{}}', undefined],
    ['[1, 2.5e3, -0, "a\\u00e9", true, false, null]', undefined],
    ['', 'unexpected end of JSON input'],
    ['{"a":', 'unexpected end of JSON input'],
    ['hello', "invalid character 'h' looking for beginning of value"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"a":1}}', "invalid character '}' after top-level value"],
    ['tru', 'unexpected end of JSON input'],
    ['trxe', "invalid character 'x' in literal true (expecting 'u')"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['"a\\qb"', "invalid character 'q' in string escape code"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['"a\tb"', "invalid character '\\t' in string literal"],
  ])('%j', (text, message) => {
    expect(goJsonSyntaxError(text)).toBe(message);
  });

  it('wants an object at the top for a map', () => {
    expect(goJsonObjectError('[1]')).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
    expect(goJsonObjectError('"x"')).toBe('json: cannot unmarshal string into Go value of type map[string]interface {}');
    expect(goJsonObjectError('null')).toBeUndefined();
    expect(goJsonObjectError('{"auths":{}}')).toBeUndefined();
  });
});
