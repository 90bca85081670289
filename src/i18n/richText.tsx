/**
 * A translated sentence with markup inside: `` `code` `` spans become <code>, and `{name}` placeholders become the
 * elements given for them (a <q>, a <span className="mono">…), so a translation can move them within the sentence.
 */
import { Fragment, type ReactNode } from 'react';

export function richText(message: string, parts: Record<string, ReactNode> = {}): ReactNode[] {
  return message.split(/(`[^`]*`|\{\w+\})/).map((piece, i) => {
    const key = `${i}`;
    if (piece.startsWith('`') && piece.endsWith('`') && piece.length >= 2) return <code key={key}>{piece.slice(1, -1)}</code>;
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name !== undefined && name in parts) return <Fragment key={key}>{parts[name]}</Fragment>;
    return piece;
  });
}
