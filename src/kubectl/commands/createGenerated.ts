/**
 * The Run step the `create configmap` and `create secret …` generators share (kubernetes/kubectl v0.34.0
 * `pkg/cmd/create/create_configmap.go`, `create_secret.go`, `create_secret_tls.go`, `create_secret_docker.go`):
 * `--save-config` records the object as its last-applied configuration, `--dry-run=client` prints the object
 * without a request, and otherwise it is created with the `--validate` directive (`--dry-run=server` asking for a
 * dry run), the server's warnings printed, and the stored object printed (`secret/NAME created`, or `-o`).
 *
 * `--save-config` follows `pkg/util/apply.go` CreateOrUpdateAnnotation → GetModifiedConfiguration(obj, false,
 * scheme.DefaultJSONEncoder()): the typed object is encoded as Go encodes the struct — fields in struct order (kind
 * before apiVersion), empty ones left out, map keys sorted, and the json.Encoder's trailing newline.
 */
import type { Kind, KindMap } from '../../engine';
import { goJsonMarshal, goJsonString } from '../../shared/goJson';
import type { CommandEnv } from '../cli/command';
import { fail } from '../cli/errors';
import type { FlagSpec } from '../cli/flags';
import { printServerWarnings, validateFlag, validationDirective } from './fieldValidationFlag';
import { type DryRun, dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/** The flags every generator has: cmdutil.AddApplyAnnotationFlags, AddValidateFlags, AddDryRunFlag, PrintFlags, --field-manager. */
export const generatorFlags: readonly FlagSpec[] = [
  { name: 'save-config', type: 'bool' },
  validateFlag,
  dryRunFlag,
  ...printFlags,
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

/** What Complete settles before the object is built, in its order: dry-run, then the printer, then --validate. */
export interface GeneratorSettings {
  dryRun: DryRun;
  format: ReturnType<typeof writeOutputFormat>;
  fieldValidation: ReturnType<typeof validationDirective>;
}

export function generatorSettings(env: CommandEnv): GeneratorSettings {
  const dryRun = dryRunStrategy(env.flags);
  const format = writeOutputFormat(env);
  return { dryRun, format, fieldValidation: validationDirective(env) };
}

/** The struct field order of the kinds the generators build (k8s.io/api core/v1 types.go), after the ObjectMeta. */
const fieldOrder: Partial<Record<Kind, readonly string[]>> = {
  ConfigMap: ['immutable', 'data', 'binaryData'],
  Secret: ['immutable', 'data', 'stringData', 'type'],
};
const metaOrder = ['name', 'generateName', 'namespace', 'labels', 'annotations'];

/** A field `omitempty` leaves out (the kinds' booleans are pointers: false stays). */
const isEmpty = (v: unknown) => v === undefined || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

/** The compact encoding of a struct: its fields in `order`, the empty ones omitted. */
function structJson(o: Record<string, unknown>, order: readonly string[], encode: (k: string, v: unknown) => string = (_, v) => goJsonMarshal(v)): string {
  const fields = order.filter((k) => !isEmpty(o[k])).map((k) => `${goJsonString(k)}:${encode(k, o[k])}`);
  return `{${fields.join(',')}}`;
}

/** `GetModifiedConfiguration`: the object without the annotation, as the typed JSON encoder writes it. */
export function modifiedConfiguration<K extends Kind>(kind: K, obj: KindMap[K]): string {
  const meta = { ...(obj.metadata ?? {}) } as Record<string, unknown>;
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[lastAppliedAnnotation];
  meta.annotations = annotations;
  const typed = { ...(obj as Record<string, unknown>), metadata: meta };
  const order = ['kind', 'apiVersion', 'metadata', ...(fieldOrder[kind] ?? [])];
  return `${structJson(typed, order, (k, v) => (k === 'metadata' ? structJson(v as Record<string, unknown>, metaOrder) : goJsonMarshal(v)))}\n`;
}

/** `CreateOrUpdateAnnotation(--save-config, obj, …)`: the object with its last-applied annotation, when asked. */
function withApplyAnnotation<K extends Kind>(env: CommandEnv, kind: K, obj: KindMap[K]): KindMap[K] {
  if (!env.flags.bool('save-config')) return obj;
  const annotations = { ...(obj.metadata?.annotations ?? {}), [lastAppliedAnnotation]: modifiedConfiguration(kind, obj) };
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}

/**
 * Creates (or, with --dry-run=client, only prints) a generated object. `failPrefix` is how the command wraps a
 * server error: `failed to create secret ` (create_secret*.go) or `failed to create configmap: ` (create_configmap.go).
 */
export function createGenerated<K extends Kind>(env: CommandEnv, kind: K, generated: KindMap[K], settings: GeneratorSettings, failPrefix: string): void {
  const obj = withApplyAnnotation(env, kind, generated);
  if (settings.dryRun === 'client') {
    printResult(env, obj, 'created', settings.dryRun, settings.format);
    return;
  }
  const warnings: string[] = [];
  // the request goes to the command's namespace whether or not -n named it (the object's own is set only with -n)
  const request = { ...obj, metadata: { ...obj.metadata, namespace: env.namespace } } as KindMap[K];
  const res = env.cluster.create(kind, request, { dryRun: settings.dryRun === 'server', fieldValidation: settings.fieldValidation, warnings });
  printServerWarnings(env, warnings);
  if (!res.ok) throw fail(`${failPrefix}${res.status.message}`);
  printResult(env, res.value, 'created', settings.dryRun, settings.format);
}
