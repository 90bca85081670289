import { describe, expect, it } from 'vitest';
import { defaultEmbedScale, isEmbedSearch, parseEmbedParams } from './embedParams';

describe('parseEmbedParams', () => {
  it('reads every parameter a slide may give', () => {
    const p = parseEmbedParams('?embed=1&scenario=alpaca-prod&view=split&step=3&controls=0&theme=dark&lang=zh-TW&scale=1.5&origin=https://slides.example.org');
    expect(p).toEqual({
      scenario: 'alpaca-prod',
      view: 'split',
      step: 3,
      controls: false,
      theme: 'dark',
      lang: 'zh-TW',
      scale: 1.5,
      origin: 'https://slides.example.org',
      ignored: [],
    });
  });

  it('defaults to the graph at step 1 with controls, Large text and no scenario', () => {
    expect(parseEmbedParams('?embed=1')).toEqual({
      scenario: undefined,
      view: 'graph',
      step: 1,
      controls: true,
      theme: undefined,
      lang: undefined,
      scale: defaultEmbedScale,
      origin: undefined,
      ignored: [],
    });
  });

  it('falls back to the default for a value it cannot use, and says which', () => {
    const p = parseEmbedParams('?view=3d&step=0&scale=40&theme=pink&lang=fr&controls=yes&scenario=../../etc&origin=*');
    expect(p.view).toBe('graph');
    expect(p.step).toBe(1);
    expect(p.scale).toBe(defaultEmbedScale);
    expect(p.theme).toBeUndefined();
    expect(p.scenario).toBeUndefined();
    expect(p.origin).toBeUndefined();
    expect(p.ignored).toEqual(['scenario=../../etc', 'controls=yes', 'view=3d', 'step=0', 'theme=pink', 'lang=fr', 'scale=40', 'origin=*']);
  });

  it('accepts only a bare origin: no path, no other scheme', () => {
    expect(parseEmbedParams('?origin=http://localhost:4307').origin).toBe('http://localhost:4307');
    expect(parseEmbedParams('?origin=https://a.example/deck.html').origin).toBeUndefined();
    expect(parseEmbedParams('?origin=javascript:alert(1)').origin).toBeUndefined();
  });

  it('rejects a fractional or empty step', () => {
    expect(parseEmbedParams('?step=2.5').step).toBe(1);
    expect(parseEmbedParams('?step=').ignored).toEqual(['step=']);
  });
});

describe('isEmbedSearch', () => {
  it('is true only for embed=1', () => {
    expect(isEmbedSearch('?embed=1&view=graph')).toBe(true);
    expect(isEmbedSearch('?embed=0')).toBe(false);
    expect(isEmbedSearch('')).toBe(false);
  });
});
