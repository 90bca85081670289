/**
 * The embed address (`embed.html?scenario=…&view=…`, or `/?embed=1&…`, which forwards there): what a slide
 * asks of the frame. Every parameter is optional and checked; a value that cannot be used falls back to its
 * default and is listed in `ignored`, so a typo in a deck shows the frame anyway instead of a blank slide.
 */
export type EmbedView = 'graph' | 'terminal' | 'split';
export type EmbedLang = 'en' | 'zh-TW';

export interface EmbedParams {
  /** A built-in scenario's name; without it (and without a `#s=` link) the playground's usual cluster. */
  scenario: string | undefined;
  view: EmbedView;
  /** The step to open at, 1-based as the step bar counts ("Step 1 of 8"). */
  step: number;
  /** Show the step bar (previous / next, checks); on by default when a scenario is open. */
  controls: boolean;
  theme: 'light' | 'dark' | undefined;
  lang: EmbedLang | undefined;
  /** Text size for projectors: 1 is the playground's, 1.25 its Large text. */
  scale: number;
  /** The host page's origin, when it is not the frame's referrer (see presenterChannel.ts). */
  origin: string | undefined;
  /** Parameters that were given but could not be used, as `name=value`. */
  ignored: string[];
}

/** The default text size in a frame: the playground's Large text, so a slide is legible from the back row. */
export const defaultEmbedScale = 1.25;
const minScale = 0.75;
const maxScale = 3;
const scenarioName = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Whether an address asks for the embed mode (`?embed=1`). */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = q.get(name);
    if (v === null) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    ignored.push(`${name}=${v}`);
    return undefined;
  };
  const number = (name: string, ok: (n: number) => boolean): number | undefined => {
    const v = q.get(name);
    if (v === null) return undefined;
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n) && ok(n)) return n;
    ignored.push(`${name}=${v}`);
    return undefined;
  };
  const rawScenario = q.get('scenario');
  let scenario: string | undefined;
  if (rawScenario !== null) {
    if (scenarioName.test(rawScenario)) scenario = rawScenario;
    else ignored.push(`scenario=${rawScenario}`);
  }
  const controls = pick('controls', ['0', '1'] as const);
  return {
    scenario,
    view: pick('view', ['graph', 'terminal', 'split'] as const) ?? 'graph',
    step: number('step', (n) => Number.isInteger(n) && n >= 1) ?? 1,
    controls: controls === undefined ? true : controls === '1',
    theme: pick('theme', ['light', 'dark'] as const),
    lang: pick('lang', ['en', 'zh-TW'] as const),
    scale: number('scale', (n) => n >= minScale && n <= maxScale) ?? defaultEmbedScale,
    origin: parseOrigin(q.get('origin'), ignored),
    ignored,
  };
}

/** An `origin=` value: a bare http(s) origin (`https://slides.example.org`), nothing more, never `*`. */
function parseOrigin(v: string | null, ignored: string[]): string | undefined {
  if (v === null) return undefined;
  try {
    const u = new URL(v);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '')) return u.origin;
  } catch {
    // not a URL: reported below
  }
  ignored.push(`origin=${v}`);
  return undefined;
}
