import { describe, expect, it } from 'vitest';
import { decodeSessionFile, encodeSessionFile } from './sessionFile';
import type { SessionEntry } from './sessionLog';

const log: SessionEntry[] = [
  { command: { type: 'init', manifests: 'kind: Pod' } },
  { command: { type: 'advance', ms: 250 } },
  { command: { type: 'advance', ms: 250 } },
  { command: { type: 'terminal', session: 't1', line: 'kubectl get pods' }, status: 'finished' },
];

describe('session file', () => {
  it('round-trips the compacted log and the editor text', () => {
    const decoded = decodeSessionFile(encodeSessionFile(log, 'apiVersion: v1\n'));
    expect(decoded).toEqual({
      ok: true,
      file: {
        format: 'svcsim-session',
        version: 1,
        editorText: 'apiVersion: v1\n',
        commands: [log[0], { command: { type: 'advance', ms: 500 } }, log[3]],
      },
    });
  });

  it('says what is wrong with a file it cannot use', () => {
    const err = (text: string) => {
      const d = decodeSessionFile(text);
      return d.ok ? '' : d.error;
    };
    expect(err('{')).toMatch(/^This file is not an svcsim session: it is not JSON/);
    expect(err('{"format":"other"}')).toBe('This file is not an svcsim session: it has no "format": "svcsim-session".');
    expect(err('{"format":"svcsim-session","version":2}')).toBe('This session file has version 2; this svcsim reads version 1.');
    const base = { format: 'svcsim-session', version: 1, editorText: '' };
    expect(err(JSON.stringify({ ...base, commands: [] }))).toBe('This session file has no "commands".');
    expect(err(JSON.stringify({ ...base, commands: [{ command: { type: 'ping' } }] }))).toBe(
      "This session file's command 1 is not a cluster command svcsim logs.",
    );
    expect(err(JSON.stringify({ ...base, commands: [{ command: { type: 'advance', ms: 1 } }] }))).toBe(
      'This session file does not begin with an "init" command.',
    );
  });
});
