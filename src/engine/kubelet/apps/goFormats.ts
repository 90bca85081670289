/**
 * What Go programs print that the echo-style apps share: `log`'s timestamp prefix, `time.Time.String()` of
 * `time.Now()`, `net/url` query decoding, and the Content-Type `net/http` sniffs for a text body.
 */
import { formatTimestamp } from '../../clock';
import { type HttpOutcome, respond } from './app';

/** Go's `log` prefix (`log.LstdFlags`): `2026/01/05 09:00:00`, in the container's UTC. */
export function goLogTime(ms: number): string {
  const t = formatTimestamp(ms);
  return `${t.slice(0, 4)}/${t.slice(5, 7)}/${t.slice(8, 10)} ${t.slice(11, 19)}`;
}

/**
 * `fmt.Sprint(time.Now())` in UTC (go `src/time/format.go` `Time.String`): `2006-01-02 15:04:05.999999999 -0700 MST`
 * with trailing zeros of the fraction dropped, then the monotonic reading since the process started, `m=+0.000000000`.
 */
export function goTimeNow(ms: number, startedAt: number): string {
  const t = formatTimestamp(ms);
  const millis = ((ms % 1000) + 1000) % 1000;
  const fraction = millis ? `.${String(millis).padStart(3, '0').replace(/0+$/, '')}` : '';
  const up = Math.max(0, ms - startedAt);
  const mono = `${Math.floor(up / 1000)}.${String(up % 1000).padStart(3, '0')}000000`;
  return `${t.slice(0, 10)} ${t.slice(11, 19)}${fraction} +0000 UTC m=+${mono}`;
}

/** `r.FormValue(key)` for a GET (go `net/url` `ParseQuery`): the first value, `+` as space, `%XX` decoded. */
export function goFormValue(path: string, key: string): string {
  const query = path.split('?').slice(1).join('?');
  for (const pair of query.split(/[&]/)) {
    const [k, ...v] = pair.split('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replaceAll('+', ' '));
      } catch {
        return undefined;
      }
    };
    if (decode(k) === key) return decode(v.join('=')) ?? '';
  }
  return '';
}

/** A body written with `fmt.Fprint` and no Content-Type set: net/http sniffs `text/plain` (none for an empty body). */
export function goText(status: number, body: string, headers: Record<string, string> = {}): HttpOutcome {
  return respond(status, body, body ? { 'Content-Type': 'text/plain; charset=utf-8', ...headers } : headers);
}

/**
 * Go's `flag` package on argv (go `src/flag/flag.go` `parseOne`): `-name=v`, `--name=v` or `-name v` (booleans
 * take no separate value), the last one given wins; parsing stops at the first non-flag or after `--`.
 */
export function parseGoFlags(args: readonly string[], booleans: readonly string[] = []): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return { flags, positional: args.slice(i + 1) };
    if (!a.startsWith('-') || a === '-') return { flags, positional: args.slice(i) };
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (eq >= 0) flags[name] = body.slice(eq + 1);
    else if (booleans.includes(name)) flags[name] = 'true';
    else flags[name] = args[++i] ?? '';
  }
  return { flags, positional: [] };
}
