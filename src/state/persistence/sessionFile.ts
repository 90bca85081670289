/**
 * The "Export session" file: the command log and the editor text as JSON, so work survives when the browser
 * cannot keep it (storage full, denied, another tab saving). "Import session" reads it back.
 */
import type { Command } from '../../protocol/messages';
import { type SessionEntry, compact, isSessionEntry } from './sessionLog';
import { loggedCommandTypes } from '../../protocol/messages';

export const sessionFileFormat = 'svcsim-session';
export const sessionFileVersion = 1;

export interface SessionFile {
  format: typeof sessionFileFormat;
  version: typeof sessionFileVersion;
  editorText: string;
  /** Oldest first; the first is an `init`. */
  commands: SessionEntry[];
}

/** The commands a session log holds (those that change the cluster); anything else in a file is refused. */
const loggedTypes: ReadonlySet<Command['type']> = new Set(loggedCommandTypes satisfies readonly Command['type'][]);

export function encodeSessionFile(commands: readonly SessionEntry[], editorText: string): string {
  const file: SessionFile = { format: sessionFileFormat, version: sessionFileVersion, editorText, commands: compact(commands) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type DecodedSessionFile = { ok: true; file: SessionFile } | { ok: false; error: string };

/** Reads an exported file back; every way it can be wrong gets a sentence saying what is wrong. */
export function decodeSessionFile(text: string): DecodedSessionFile {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This file is not an svcsim session: it is not JSON (${(e as Error).message}).` };
  }
  const f = v as Partial<SessionFile> | null;
  if (typeof f !== 'object' || f === null || f.format !== sessionFileFormat) {
    return { ok: false, error: `This file is not an svcsim session: it has no "format": "${sessionFileFormat}".` };
  }
  if (f.version !== sessionFileVersion) {
    return { ok: false, error: `This session file has version ${String(f.version)}; this svcsim reads version ${sessionFileVersion}.` };
  }
  if (typeof f.editorText !== 'string') return { ok: false, error: 'This session file has no "editorText" string.' };
  if (!Array.isArray(f.commands) || f.commands.length === 0) return { ok: false, error: 'This session file has no "commands".' };
  for (const [i, c] of f.commands.entries()) {
    if (!isSessionEntry(c) || !loggedTypes.has(c.command.type)) {
      return { ok: false, error: `This session file's command ${i + 1} is not a cluster command svcsim logs.` };
    }
  }
  if (f.commands[0].command.type !== 'init') return { ok: false, error: 'This session file does not begin with an "init" command.' };
  return { ok: true, file: { format: sessionFileFormat, version: sessionFileVersion, editorText: f.editorText, commands: f.commands } };
}
