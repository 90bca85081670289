/**
 * The kubeconfig as `kubectl config view` prints it (kubectl v0.34.0 `pkg/cmd/config/view.go`): minified to the
 * current context (`clientcmdapi.MinifyConfig`), its secrets hidden unless `--raw`/`--flatten`
 * (`RedactSecrets` then `ShortenConfig`, client-go v0.34.0 `tools/clientcmd/api/helpers.go`), and converted to
 * the v1 Config (`tools/clientcmd/api/v1/types.go` and conversion.go): lists sorted by name, fields in struct
 * order for JSON (the YAML printer sorts keys), `preferences` left out (`omitzero` since 1.34).
 */
import { fail } from '../cli/errors';
import type { Kubeconfig } from './kubeconfig';

export interface ViewOptions {
  minify: boolean;
  /** `--raw` or `--flatten`: the certificate data and tokens as they are. */
  raw: boolean;
  /** `--context`: the context `--minify` keeps instead of the current one. */
  context: string;
}

/**
 * ShortenConfig base64-decodes "DATA+OMITTED" into the byte slices so that encoding/json's base64 prints the
 * words back; RedactSecrets turns tokens into "REDACTED" first.
 */
const omitted = 'DATA+OMITTED';

/** The v1 list of a map (conversion.go: keys sorted; an empty map stays a nil slice, `null`). */
function named<T>(entries: Map<string, T>, field: string, convert: (v: T) => Record<string, unknown>): Record<string, unknown>[] | null {
  const names = [...entries.keys()].sort();
  if (names.length === 0) return null;
  return names.map((name) => ({ name, [field]: convert(entries.get(name) as T) }));
}

/** `MinifyConfig` with its error messages: only the current context, its cluster and its user. */
function minified(config: Kubeconfig, current: string): Kubeconfig {
  if (!current) throw fail('current-context must exist in order to minify');
  const context = config.contexts.get(current);
  if (!context) throw fail(`cannot locate context ${current}`);
  const out: Kubeconfig = { clusters: new Map(), users: new Map(), contexts: new Map([[current, context]]), currentContext: current };
  if (context.cluster) {
    const cluster = config.clusters.get(context.cluster);
    if (!cluster) throw fail(`cannot locate cluster ${context.cluster}`);
    out.clusters.set(context.cluster, cluster);
  }
  if (context.user) {
    const user = config.users.get(context.user);
    if (!user) throw fail(`cannot locate user ${context.user}`);
    out.users.set(context.user, user);
  }
  return out;
}

/** The object `config view` prints, in the v1 Config's JSON field order. */
export function kubeconfigView(file: Kubeconfig, opts: ViewOptions): Record<string, unknown> {
  const config = opts.minify ? minified(file, opts.context || file.currentContext) : file;
  const data = (v: string | undefined) => (v ? (opts.raw ? v : omitted) : undefined);
  const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: named(config.clusters, 'cluster', (c) => ({ server: c.server, ...compact({ 'certificate-authority-data': data(c.certificateAuthorityData) }) })),
    users: named(config.users, 'user', (u) =>
      compact({
        'client-certificate-data': data(u.clientCertificateData),
        'client-key-data': data(u.clientKeyData),
        token: u.token && !opts.raw ? 'REDACTED' : u.token,
      }),
    ),
    contexts: named(config.contexts, 'context', (c) => ({ cluster: c.cluster, user: c.user, ...compact({ namespace: c.namespace }) })),
    'current-context': config.currentContext,
  };
}
