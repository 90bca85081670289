/**
 * "Copy embed code": the `<iframe>` a presenter pastes into a slide, showing the current scenario at its step
 * (a built-in by name, anything else through its share link's `#s=` fragment). 800×450 is a 16:9 slide area
 * that stays legible (embed mode's Large text); the deck may size it as it likes.
 */
export type EmbedSource =
  | { scenario: string; step: number; title: string }
  | { fragment: string; title: string };

const attribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `embedPage`: the absolute address of embed.html next to the playground. `step` is 1-based. */
export function embedCode(embedPage: string, source: EmbedSource, view: 'graph' | 'terminal' | 'split' = 'graph'): string {
  const url = new URL(embedPage);
  url.search = '';
  url.hash = '';
  url.searchParams.set('embed', '1');
  if ('scenario' in source) {
    url.searchParams.set('scenario', source.scenario);
    url.searchParams.set('step', String(source.step));
  }
  url.searchParams.set('view', view);
  const src = 'fragment' in source ? `${url.href}${source.fragment.startsWith('#') ? '' : '#'}${source.fragment}` : url.href;
  return `<iframe src="${attribute(src)}" width="800" height="450" title="${attribute(`svcsim: ${source.title}`)}" style="border:0"></iframe>`;
}
