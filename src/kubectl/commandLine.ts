/**
 * Splits a command line into words the way a POSIX shell does before kubectl sees them: whitespace separates
 * words; '…' keeps everything literally; "…" keeps spaces and honours \" \\ \$ \` and line continuations;
 * a backslash outside quotes escapes the next character. Variables (`$VAR`) and command substitution (`$(...)`)
 * are NOT expanded here: the terminal or CLI in front of kubectl does that, as a real shell would.
 */

/** Shell-style word splitting; an unterminated quote is closed at the end of the line. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === "'") {
      inWord = true;
      const end = line.indexOf("'", i + 1);
      cur += end < 0 ? line.slice(i + 1) : line.slice(i + 1, end);
      i = end < 0 ? line.length : end + 1;
      continue;
    }
    if (ch === '"') {
      inWord = true;
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          if (line[i + 1] !== '\n') cur += line[i + 1];
          i += 2;
          continue;
        }
        cur += line[i++];
      }
      i++;
      continue;
    }
    if (ch === '\\') {
      if (i + 1 < line.length) {
        // backslash-newline is a line continuation
        if (line[i + 1] !== '\n') {
          cur += line[i + 1];
          inWord = true;
        }
        i += 2;
      } else i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    cur += ch;
    inWord = true;
    i++;
  }
  if (inWord) words.push(cur);
  return words;
}
