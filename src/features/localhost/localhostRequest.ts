/**
 * Requests from "your browser" to localhost:PORT, answered by the simulated app through the port-forward, and
 * the reading of kuard's answers the way kuard's own React client reads them (its index page's `pageContext`,
 * its JSON APIs). Nothing here decides what the app says.
 */
import type { WireHttpResponse } from '../../protocol/messages';
import { send } from '../../state/simulation';

/** One request; a failed send (worker error) reads as a refused connection with its message. */
export async function localRequest(port: number, method: 'GET' | 'PUT' | 'POST', path: string, body?: string): Promise<WireHttpResponse> {
  const r = await send({ type: 'localHttp', port, method, path, ...(body !== undefined ? { body } : {}), userAgent: navigator.userAgent });
  if (r.ok && r.value?.kind === 'http') return r.value.response;
  return { ok: false, error: 'refused', message: r.error ?? 'request failed' };
}

/** kuard's `pageContext` (kuard `pkg/app/app.go`), embedded in its index page as `var pageContext = {...}`. */
export interface KuardPageContext {
  urlBase: string;
  hostname: string;
  addrs: string[];
  version: string;
  versionColor: string;
  requestDump: string;
  requestProto: string;
  requestAddr: string;
}

/** The page context of a kuard index page; undefined when the page is not kuard's. */
export function kuardPageContext(html: string): KuardPageContext | undefined {
  const m = /^var pageContext = (\{.*\})$/m.exec(html);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]) as KuardPageContext;
  } catch {
    return undefined;
  }
}

/** JSON of a successful response, else undefined. */
export function jsonOf<T>(r: WireHttpResponse): T | undefined {
  if (!r.ok || r.status !== 200) return undefined;
  try {
    return JSON.parse(r.body) as T;
  } catch {
    return undefined;
  }
}
