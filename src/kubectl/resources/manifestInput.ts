/**
 * `-f FILE` / `-f -` input for apply, create, delete and get (cli-runtime FilenameParam): reads the text from
 * the host (a file reader, or stdin for `-`), splits YAML documents, and checks each object has a kind this
 * server serves. Errors follow cli-runtime's wording where the cause is the same.
 */
import { type Kind, type KubeObject, kindFromManifest, requestBodyTooLarge } from '../../engine';
import type { CommandEnv } from '../cli/command';
import { CommandError, type KubeError, fail } from '../cli/errors';
import { parseManifests } from '../manifests';

/** One object read from a manifest, with where it came from (for `error when creating "x.yaml"` messages). */
export interface ManifestObject {
  kind: Kind;
  object: KubeObject;
  source: string;
}

function readSource(env: CommandEnv, name: string): { text: string; source: string } {
  if (name === '-') {
    // a command no pipe or here-document feeds reads an empty stdin here (a terminal's kubectl would wait for
    // typed input): each verb then says it as kubectl does, `error: no objects passed to apply` / `to create`
    return { text: env.ctx.stdin ?? '', source: 'STDIN' };
  }
  // cli-runtime reads an http(s) argument as a URL (builder.go FilenameParam → URLVisitor), and a failed GET is
  // reported as Go's client error `Get "URL": …`; svcsim has no network, and says what to do instead
  if (/^https?:\/\//.test(name)) {
    throw fail(`Get "${name}": svcsim runs offline and fetches no URL: paste the manifest into the editor and apply it there, or save it and apply the file with svcsim shell`);
  }
  const text = env.ctx.readFile?.(name);
  if (text === undefined) throw fail(`the path "${name}" does not exist`);
  return { text, source: name };
}

/**
 * Reads and decodes every object of the given -f arguments. An object whose kind this server does not serve is
 * a mapping error, collected in `unmapped` while the others are read on, as the builder's ContinueOnError does
 * for apply and create (kubernetes/cli-runtime pkg/resource/builder.go); without `unmapped` the first one throws.
 */
export function readManifests(env: CommandEnv, filenames: readonly string[], unmapped?: KubeError[]): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const name of filenames) {
    const { text, source } = readSource(env, name);
    for (const doc of parseManifests(text)) {
      if (doc.tooLarge) {
        // what the apiserver answers to the request kubectl sends for it (AddSourceToErr adds the source)
        const status = requestBodyTooLarge();
        throw new CommandError({ type: 'status', status: { ...status, message: `error when creating "${source}": ${status.message}` } });
      }
      if (doc.error) throw fail(`error parsing ${source}: error converting YAML to JSON: yaml: line ${doc.error.line}: ${doc.error.message}`);
      const obj = doc.object as Record<string, unknown>;
      const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
      const kindName = typeof obj.kind === 'string' ? obj.kind : undefined;
      if (!kindName) throw fail(`unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
      const kind = kindFromManifest(apiVersion, kindName);
      if (!kind) {
        const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
        const [group, version] = apiVersion?.includes('/') ? apiVersion.split('/') : ['', apiVersion ?? ''];
        const error = fail(
          `resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${source}": no matches for kind "${kindName}" in version "${group ? `${group}/` : ''}${version}"\nensure CRDs are installed first`,
        );
        if (!unmapped) throw error;
        unmapped.push(error.error);
        continue;
      }
      out.push({ kind, object: obj as unknown as KubeObject, source });
    }
  }
  return out;
}

/** Just the objects (with their kind set), for verbs that only need names. */
export function readManifestObjects(env: CommandEnv, filenames: readonly string[]): (KubeObject & { kind: string })[] {
  return readManifests(env, filenames).map((m) => ({ ...(m.object as object), kind: m.kind }) as KubeObject & { kind: string });
}
