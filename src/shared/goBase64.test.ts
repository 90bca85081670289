import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Text, encodeBase64, encodeBase64Text } from './goBase64';

describe('Go StdEncoding base64', () => {
  it('encodes as RFC 4648 with padding', () => {
    expect(encodeBase64Text('')).toBe('');
    expect(encodeBase64Text('f')).toBe('Zg==');
    expect(encodeBase64Text('fo')).toBe('Zm8=');
    expect(encodeBase64Text('foo')).toBe('Zm9v');
    expect(encodeBase64Text('héllo')).toBe('aMOpbGxv');
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const r = decodeBase64(encodeBase64(bytes));
        expect(r.ok && [...r.bytes]).toEqual([...bytes]);
      }),
    );
  });

  it('skips newlines, as encoding/base64 does', () => {
    expect(decodeBase64Text('Zm9v\nYmFy\n')).toBe('foobar');
  });

  // the offsets of encoding/base64's CorruptInputError (decodeQuantum), which the apiserver quotes in
  // "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte N"
  it.each([
    ['abc', 0], // missing padding: the start of the short quantum
    ['a', 0],
    ['Zm9vY', 4],
    ['ab!d', 2], // an illegal character: its own offset
    ['hello world', 5],
    ['a===', 1], // padding after one sextet
    ['ab=', 3], // "==" expected after two sextets
    ['ab=c', 2],
    ['Zg==Zg==', 4], // trailing data after the padding
  ])('%j is illegal at byte %i', (input, at) => {
    expect(decodeBase64(input)).toEqual({ ok: false, error: `illegal base64 data at input byte ${at}` });
  });
});
