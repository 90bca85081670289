import { describe, expect, it } from 'vitest';
import { embedCode } from './embedCode';
import { parseEmbedParams } from '../embed/embedParams';

describe('embedCode', () => {
  it('names a built-in scenario and its step, which embed mode reads back', () => {
    const code = embedCode('https://svcsim.example/embed.html', { scenario: 'alpaca-prod', step: 3, title: 'Service discovery, step by step' });
    expect(code).toBe(
      '<iframe src="https://svcsim.example/embed.html?embed=1&amp;scenario=alpaca-prod&amp;step=3&amp;view=graph" width="800" height="450" title="svcsim: Service discovery, step by step" style="border:0"></iframe>',
    );
    const src = /src="([^"]+)"/.exec(code)?.[1].replace(/&amp;/g, '&') ?? '';
    const p = parseEmbedParams(new URL(src).search);
    expect(p).toMatchObject({ scenario: 'alpaca-prod', step: 3, view: 'graph', ignored: [] });
  });

  it('carries anything else as the share link fragment', () => {
    const code = embedCode('https://svcsim.example/embed.html?x=1#old', { fragment: '#s=1.abc_-', title: 'my cluster' }, 'split');
    expect(code).toContain('src="https://svcsim.example/embed.html?embed=1&amp;view=split#s=1.abc_-"');
  });

  it('escapes a title so it cannot leave its attribute', () => {
    const code = embedCode('https://svcsim.example/embed.html', { scenario: 'x', step: 1, title: '"><script>alert(1)</script>' });
    expect(code).not.toContain('<script>');
    expect(code).toContain('title="svcsim: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
