import { describe, expect, it } from 'vitest';
import { acceptsMessage, hostOrigin, maxCommandLength, parsePresenterRequest } from './presenterMessages';

describe('parsePresenterRequest', () => {
  it('reads the three requests', () => {
    expect(parsePresenterRequest({ type: 'svcsim:step', step: 3 })).toEqual({ type: 'svcsim:step', step: 3 });
    expect(parsePresenterRequest({ type: 'svcsim:command', command: ' kubectl get pods ' })).toEqual({ type: 'svcsim:command', command: 'kubectl get pods' });
    expect(parsePresenterRequest({ type: 'svcsim:reset', extra: 1 })).toEqual({ type: 'svcsim:reset' });
  });

  it('ignores other messages and malformed ones', () => {
    for (const m of [
      null,
      'svcsim:reset',
      [],
      { type: 'svcsim:eval', code: 'alert(1)' },
      { type: 'svcsim:step' },
      { type: 'svcsim:step', step: '2' },
      { type: 'svcsim:step', step: 0 },
      { type: 'svcsim:step', step: 1.5 },
      { type: 'svcsim:command', command: 42 },
      { type: 'svcsim:command', command: '   ' },
      { type: 'svcsim:command', command: 'kubectl get pods\nkubectl delete pods --all' },
      { type: 'svcsim:command', command: 'x'.repeat(maxCommandLength + 1) },
      { type: 'webpackOk' },
    ]) {
      expect(parsePresenterRequest(m)).toBeUndefined();
    }
  });
});

describe('hostOrigin', () => {
  it('prefers the origin parameter, then the ancestor origin, then the referrer', () => {
    expect(hostOrigin('https://given.example', ['https://ancestor.example'], 'https://ref.example/deck.html')).toBe('https://given.example');
    expect(hostOrigin(undefined, ['https://ancestor.example'], 'https://ref.example/deck.html')).toBe('https://ancestor.example');
    expect(hostOrigin(undefined, undefined, 'https://ref.example/deck.html#/3')).toBe('https://ref.example');
  });

  it('knows no host when nothing says it (a no-referrer policy, an opaque origin)', () => {
    expect(hostOrigin(undefined, [], '')).toBeUndefined();
    expect(hostOrigin(undefined, ['null'], '')).toBeUndefined();
    expect(hostOrigin(undefined, undefined, 'not a url')).toBeUndefined();
  });
});

describe('acceptsMessage', () => {
  it('obeys only the parent window at the host origin', () => {
    expect(acceptsMessage('https://deck.example', { origin: 'https://deck.example', fromParent: true })).toBe(true);
    expect(acceptsMessage('https://deck.example', { origin: 'https://evil.example', fromParent: true })).toBe(false);
    expect(acceptsMessage('https://deck.example', { origin: 'https://deck.example', fromParent: false })).toBe(false);
    expect(acceptsMessage(undefined, { origin: 'https://deck.example', fromParent: true })).toBe(false);
  });
});
