import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../scenario/library';
import { fromBase64Url, toBase64Url } from './base64url';
import { encodeShareFragment, maxDecodedBytes } from './shareLink';
import { decodeShareFragment } from './shareLinkDecode';
import type { ShareState } from './shareState';

const stateArb: fc.Arbitrary<ShareState> = fc.oneof(
  fc.record(
    {
      scenario: fc.oneof(fc.record({ name: fc.stringMatching(/^[a-z0-9-]{1,20}$/) }), fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 300 }) })),
      step: fc.integer({ min: 0, max: 40 }),
      view: fc.record(
        {
          selection: fc.string({ maxLength: 40 }),
          panels: fc.array(fc.constantFrom('side:inspector', 'side:events', 'bottom:terminal', 'bottom:rules', 'bottom:traffic'), { maxLength: 2 }),
          zoom: fc.double({ min: 0.02, max: 4, noNaN: true }),
          x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          y: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          lang: fc.constantFrom('en', 'zh-TW'),
          proxyMode: fc.constantFrom('iptables', 'ipvs', 'nftables', 'userspace'),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['scenario'] },
  ),
  fc.record({
    session: fc.record(
      {
        commands: fc.array(
          fc.record({ at: fc.integer({ min: 0, max: 2 ** 45 }), command: fc.record({ type: fc.constant('terminal' as const), session: fc.constant('1'), line: fc.string({ maxLength: 80 }) }) }),
          { maxLength: 20 },
        ),
        editorText: fc.string({ unit: 'grapheme', maxLength: 200 }),
      },
      { requiredKeys: ['commands'] },
    ),
  }),
);

describe('share links', () => {
  it('round-trips any state', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, async (state) => {
        const fragment = encodeShareFragment(state);
        expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
        expect(await decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, state: JSON.parse(JSON.stringify(state)) });
      }),
    );
  });

  it('base64url round-trips any bytes', async () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        expect(fromBase64Url(toBase64Url(b))).toEqual(b);
      }),
    );
  });

  it('refuses a fragment over 64 KB before decoding it', async () => {
    const r = await decodeShareFragment(`#s=1.${'A'.repeat(64 * 1024)}`);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
  });

  it('stops inflating past 1 MiB (a deflate bomb)', async () => {
    const bomb = deflateSync(strToU8(`{"scenario":{"text":"${' '.repeat(maxDecodedBytes + 10)}"}}`), { level: 9 });
    const fragment = `s=1.${toBase64Url(bomb)}`;
    expect(fragment.length).toBeLessThan(64 * 1024);
    expect(await decodeShareFragment(fragment)).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 1 MiB/) });
  });

  it('says what is wrong with truncated, corrupt, foreign and future links', async () => {
    const good = encodeShareFragment({ scenario: { name: 'alpaca-prod' }, step: 3 });
    const cut = await decodeShareFragment(good.slice(0, good.length - 6));
    expect(cut.ok).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: good.length - 1 }), async (n) => {
        const r = await decodeShareFragment(good.slice(0, n));
        // a cut link either fails with a sentence or (rarely) still decodes to the same checked state
        if (!r.ok) expect(r.error).toMatch(/^This link/);
      }),
    );
    expect(await decodeShareFragment('#s=1.@@@@')).toMatchObject({ ok: false, error: expect.stringMatching(/not valid base64url/) });
    expect(await decodeShareFragment('#s=2.abcd')).toMatchObject({ ok: false, error: expect.stringMatching(/newer svcsim \(format 2/) });
    expect(await decodeShareFragment('#x=1')).toMatchObject({ ok: false, error: expect.stringMatching(/not a svcsim share link/) });
    const notJson = `s=1.${toBase64Url(deflateSync(strToU8('<script>alert(1)</script>')))}`;
    expect(await decodeShareFragment(notJson)).toMatchObject({ ok: false, error: expect.stringMatching(/not readable/) });
  });

  it('opens links made before the view carried a viewport and a proxy mode; refuses a bad viewport', async () => {
    const raw = (o: unknown) => `s=1.${toBase64Url(deflateSync(strToU8(JSON.stringify(o))))}`;
    const old = { scenario: { name: 'alpaca-prod' }, step: 2, view: { lang: 'zh-TW', selection: 'svc:default/alpaca-prod' } };
    expect(await decodeShareFragment(raw(old))).toEqual({ ok: true, state: old });
    for (const view of [{ x: 'left' }, { y: Number.MAX_VALUE }, { proxyMode: 'ebpf' }, { zoom: 0 }]) expect((await decodeShareFragment(raw({ ...old, view }))).ok, JSON.stringify(view)).toBe(false);
  });

  it('carries the Rules view’s mode switch and the Traffic view’s connections in a session (both change what follows)', async () => {
    const session = {
      commands: [
        { at: 0, command: { type: 'init' as const } },
        { at: 1, command: { type: 'proxyMode' as const, mode: 'ipvs' } },
        { at: 2, command: { type: 'traffic' as const, namespace: 'default', pod: 'app', to: 'nginx', port: 80, count: 100 } },
      ],
    };
    expect(await decodeShareFragment(encodeShareFragment({ session }))).toEqual({ ok: true, state: { session } });
  });

  it('refuses commands a link must not carry (test hooks) and unknown fields', async () => {
    const hang = `s=1.${toBase64Url(deflateSync(strToU8(JSON.stringify({ session: { commands: [{ command: { type: 'hang' } }] } }))))}`;
    expect(await decodeShareFragment(hang)).toMatchObject({ ok: false, error: 'This link is damaged: the link\'s command "hang" is not valid.' });
    const extra = `s=1.${toBase64Url(deflateSync(strToU8(JSON.stringify({ scenario: { name: 'x' }, html: '<b>' }))))}`;
    expect((await decodeShareFragment(extra)).ok).toBe(false);
  });

  it('encodes every built-in scenario; the seed walk-through fits in 2,000 characters', async () => {
    const lengths = [];
    for (const { name, text } of builtinScenarios) {
      const byName = `#${encodeShareFragment({ scenario: { name }, step: 3, view: { selection: `service/default/${name}`, zoom: 1 } })}`;
      const inline = `#${encodeShareFragment({ scenario: { text }, step: 3 })}`;
      expect(await decodeShareFragment(inline)).toEqual({ ok: true, state: { scenario: { text }, step: 3 } });
      lengths.push({ name, byName: byName.length, inline: inline.length });
    }
    console.log(lengths.map((l) => `${l.name}: ${l.byName} characters by name, ${l.inline} inline`).join('\n'));
    const seed = lengths.find((l) => l.name === 'alpaca-prod');
    expect(seed?.byName).toBeLessThanOrEqual(2000);
    // the walk-through as a free-form session: its command log with virtual instants
    const text = builtinScenarios[0].text;
    const lines = [...text.matchAll(/^\s+(?:- |run: )(kubectl [^\n]+)$/gm)].map((m) => m[1]);
    const session = `#${encodeShareFragment({ session: { commands: [{ at: 0, command: { type: 'init' } }, ...lines.map((line, i) => ({ at: 1_767_603_600_000 + i * 1500, command: { type: 'terminal' as const, session: '1', line } }))] } })}`;
    console.log(`alpaca-prod as a session of ${lines.length} commands: ${session.length} characters`);
    expect(lines.length).toBeGreaterThan(8);
    expect(session.length).toBeLessThanOrEqual(2000);
  });
});
