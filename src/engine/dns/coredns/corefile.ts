/**
 * How CoreDNS reads its Corefile, as far as the reload plugin and `kubectl logs` show it: the Caddyfile lexer and
 * parser (coredns/caddy `caddyfile/lexer.go`, `caddyfile/parse.go`, `caddyfile/dispenser.go`) group tokens into
 * server blocks, and the reload plugin logs the SHA-512 of those blocks marshalled to JSON (coredns/coredns
 * `plugin/reload/reload.go` `parse`, `hook`). Imports, snippets and environment variables are not modelled.
 */
import { sha512Hex } from './sha512';

/** Where kubeadm's Deployment mounts the Corefile (`-conf /etc/coredns/Corefile`): the path in parse errors. */
export const corefilePath = '/etc/coredns/Corefile';

interface Token {
  line: number;
  text: string;
}

/** One server block: its keys (`.:53`) and each directive's tokens in order, braces of nested blocks included. */
export interface ServerBlock {
  keys: string[];
  tokens: Map<string, Token[]>;
}

export type ParsedCorefile = { ok: true; blocks: ServerBlock[] } | { ok: false; error: string };

/** caddyfile `lexer.next`: words split on white space, `"…"` quoted with `\"` escapes, `#` to end of line. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let val: string | undefined;
  let at = 0;
  let quoted = false;
  let escaped = false;
  let comment = false;
  const flush = () => {
    if (val !== undefined) tokens.push({ line: at, text: val });
    val = undefined;
  };
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (quoted) {
      if (!escaped && ch === '\\') {
        escaped = true;
        continue;
      }
      if (!escaped && ch === '"') {
        quoted = false;
        flush();
        continue;
      }
      if (ch === '\n') line++;
      if (escaped && ch !== '"') val += '\\';
      val += ch;
      escaped = false;
      continue;
    }
    if (/\s/.test(ch)) {
      if (ch === '\r') continue;
      if (ch === '\n') {
        line++;
        comment = false;
      }
      flush();
      continue;
    }
    if (ch === '#') comment = true;
    if (comment) continue;
    if (val === undefined) {
      val = '';
      at = line;
      if (ch === '"') {
        quoted = true;
        continue;
      }
    }
    val += ch;
  }
  flush();
  return tokens;
}

/** caddyfile `Dispenser.Err`: `FILE:LINE - Error during parsing: MSG`. */
function parseError(line: number, msg: string): ParsedCorefile {
  return { ok: false, error: `${corefilePath}:${line} - Error during parsing: ${msg}` };
}

/**
 * caddyfile `Parse(filename, input, validDirectives)`: `directives` undefined accepts any directive name (the
 * reload plugin's own parse); CoreDNS's restart passes the server type's directives.
 */
export function parseCorefile(text: string, directives?: ReadonlySet<string>): ParsedCorefile {
  const toks = lex(text);
  const blocks: ServerBlock[] = [];
  let c = 0;
  const newLine = (i: number) => i < 1 || toks[i - 1].line + (toks[i - 1].text.match(/\n/g)?.length ?? 0) < toks[i].line;
  while (c < toks.length) {
    const block: ServerBlock = { keys: [], tokens: new Map() };
    // addresses: up to the `{` or the end of the line (a trailing comma asks for another address)
    let another = false;
    let eof = false;
    for (;;) {
      const t = toks[c].text;
      if (t === '{') {
        if (another) return parseError(toks[c].line, "Expected another address but had '{' - check for extra comma");
        break;
      }
      if (t !== '') {
        another = t.endsWith(',');
        block.keys.push(another ? t.slice(0, -1) : t);
      }
      c++;
      if (c >= toks.length) {
        if (another) return parseError(toks[c - 1].line, 'Unexpected EOF');
        eof = true;
        break;
      }
      if (!another && newLine(c)) break;
    }
    if (eof) {
      if (block.keys.length) blocks.push(block);
      break;
    }
    // blockContents: an optional `{`, directives, and the matching `}`
    const braced = toks[c].text === '{';
    if (!braced) c--;
    for (c++; c < toks.length; c++) {
      if (toks[c].text === '}') break;
      const dir = toks[c].text;
      if (directives && !directives.has(dir)) return parseError(toks[c].line, `Unknown directive '${dir}'`);
      const list = block.tokens.get(dir) ?? [];
      block.tokens.set(dir, list);
      list.push(toks[c]);
      let nesting = 0;
      for (c++; c < toks.length; c++) {
        const t = toks[c].text;
        if (t === '{') nesting++;
        else if (newLine(c) && nesting === 0) break;
        else if (t === '}' && nesting > 0) nesting--;
        else if (t === '}') return parseError(toks[c].line, "Unexpected '}' because no matching opening brace");
        list.push(toks[c]);
      }
      if (nesting > 0) return parseError(toks[toks.length - 1].line, 'Unexpected EOF');
      c--;
    }
    if (braced) {
      const last = toks[Math.min(c, toks.length - 1)];
      // Dispenser.SyntaxErr on the last token read (at the end of input a nested block's `}` passes for it)
      if (last.text !== '}') {
        return { ok: false, error: `${corefilePath}:${last.line} - Syntax error: Unexpected token '${last.text}', expecting '}'` };
      }
    }
    c++;
    if (block.keys.length) blocks.push(block);
  }
  return { ok: true, blocks };
}

/** Go's `json.Marshal` of a string: `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u00XX`. */
function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `json.Marshal([]caddyfile.ServerBlock)`: fields Keys then Tokens, the map's keys sorted, each token as
 * `{"File":"","Line":N,"Text":"…"}` (the lexer leaves File empty outside imports).
 */
export function serverBlocksJson(blocks: readonly ServerBlock[]): string {
  const block = (b: ServerBlock) => {
    const dirs = [...b.tokens.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const tokens = dirs.map((d) => `${goJsonString(d)}:[${(b.tokens.get(d) ?? []).map((t) => `{"File":"","Line":${t.line},"Text":${goJsonString(t.text)}}`).join(',')}]`);
    return `{"Keys":[${b.keys.map(goJsonString).join(',')}],"Tokens":{${tokens.join(',')}}}`;
  };
  return blocks.length ? `[${blocks.map(block).join(',')}]` : 'null';
}

/** What `[INFO] plugin/reload: Running configuration SHA512 = …` prints for these server blocks. */
export function corefileSha512(blocks: readonly ServerBlock[]): string {
  return sha512Hex(serverBlocksJson(blocks));
}

/** Whether any server block of the Corefile uses `directive`. */
export function usesDirective(blocks: readonly ServerBlock[], directive: string): boolean {
  return blocks.some((b) => b.tokens.has(directive));
}

/**
 * The directives CoreDNS 1.12.1 knows, in plugin.cfg order (coredns/coredns `plugin.cfg` at v1.12.1): a Corefile
 * naming another fails on restart with `Unknown directive`.
 */
export const corednsDirectives: ReadonlySet<string> = new Set(
  ('root metadata geoip cancel tls timeouts multisocket reload nsid bufsize bind debug trace ready health pprof prometheus errors log dnstap local ' +
    'dns64 acl any chaos loadbalance tsig cache rewrite header dnssec autopath minimal template transfer hosts route53 azure clouddns k8s_external ' +
    'kubernetes file auto secondary etcd loop forward grpc erratic whoami on sign view').split(' '),
);
