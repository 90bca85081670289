/**
 * The small Markdown of scenario narration — paragraphs, `- ` lists, **bold**, *emphasis* and `code` — parsed
 * into plain data that React renders as elements. Nothing is ever turned into HTML, so a scenario (perhaps from a
 * share link) cannot inject markup: `<b>` in a narration is shown as the text `<b>`.
 */
export type Inline = { type: 'text' | 'strong' | 'em' | 'code'; text: string };
export type Block = { type: 'paragraph'; inlines: Inline[] } | { type: 'list'; items: Inline[][] };

export function parseNarration(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ type: 'list', items: list.map(parseInline) });
    list = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    const item = /^[-*] (.*)$/.exec(line);
    if (line === '') flush();
    else if (item) {
      if (paragraph.length) {
        blocks.push({ type: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
        paragraph = [];
      }
      list = [...(list ?? []), item[1]];
    } else if (list) list[list.length - 1] += ` ${line}`;
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', text: m[2] });
    else out.push({ type: 'em', text: m[3] });
    last = re.lastIndex;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}
