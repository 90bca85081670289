/**
 * `kubectl explain RESOURCE[.field…]` (kubernetes/kubectl v0.34.0 pkg/cmd/explain/explain.go): the resource is
 * resolved through discovery, its schema read from the server's OpenAPI v3 document (src/kubectl/explain/) and
 * rendered with the `plaintext` template, or from the v2 document with `--output=plaintext-openapiv2`.
 */
import type { CommandEnv, KubectlCommand, Waiting } from '../cli/command';
import { fail } from '../cli/errors';
import { type ExplainDocument, explainDocument, loadExplainDocument } from '../explain/explainDocument';
import { renderPlaintext } from '../explain/plaintext';
import { renderOpenApiV2, V2FieldError } from '../explain/plaintextOpenApiV2';
import { parseResourceRequest, type ResourceRequest } from '../explain/resourceRequest';

const plaintext = 'plaintext';
const plaintextOpenApiV2 = 'plaintext-openapiv2';

/** The group-versions the simulated apiserver publishes OpenAPI v3 documents for (its /openapi/v3 paths). */
const servedGroupVersions = new Set(['api/v1', 'apis/apps/v1', 'apis/discovery.k8s.io/v1']);

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: gv };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw fail(`unexpected GroupVersion string: ${gv}`);
}

/** The document's component for a kind, if that group-version serves it. */
function schemaFor(doc: ExplainDocument, group: string, version: string, kind: string): string | undefined {
  return doc.kinds[group ? `${group}/${version}/${kind}` : `${version}/${kind}`];
}

function explain(env: CommandEnv, doc: ExplainDocument, req: ResourceRequest): undefined {
  const { mapping, fieldPath } = req;
  const apiVersion = env.flags.string('api-version');
  const format = env.flags.string('output');
  const recursive = env.flags.bool('recursive');
  if (format === plaintextOpenApiV2) {
    // renderOpenAPIV2: the kind of the resource, in --api-version's group-version when one is given
    const gv = apiVersion ? parseGroupVersion(apiVersion) : mapping;
    const schema = schemaFor(doc, gv.group, gv.version, mapping.kind);
    if (!schema) throw fail(`couldn't find resource for "${gv.group}/${gv.version}, Kind=${mapping.kind}"`);
    try {
      env.out.out(renderOpenApiV2(doc, { group: gv.group, version: gv.version, kind: mapping.kind }, schema, fieldPath, recursive));
    } catch (e) {
      if (e instanceof V2FieldError) throw fail(e.message);
      throw e;
    }
    return undefined;
  }
  const gvr = { ...(apiVersion ? parseGroupVersion(apiVersion) : { group: mapping.group, version: mapping.version }), resource: mapping.resource };
  const gvrText = `${gvr.group}/${gvr.version}, Resource=${gvr.resource}`;
  if (!servedGroupVersions.has(gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`)) throw fail(`couldn't find resource for "${gvrText}"`);
  // the templates kubectl embeds: a format without one is refused once the document is read
  if (format !== plaintext) throw fail(`unrecognized format: ${format}`);
  // the kind the document's paths give the resource: none when that group-version does not serve it
  const schema = gvr.group === mapping.group && gvr.version === mapping.version ? schemaFor(doc, gvr.group, gvr.version, mapping.kind) : undefined;
  if (!schema) throw fail(`error: GVR (${gvrText}) not found in OpenAPI schema`);
  const r = renderPlaintext(doc, { group: gvr.group, version: gvr.version, kind: mapping.kind }, schema, fieldPath, recursive);
  env.out.out(r.stdout);
  if (r.error) throw fail(r.error);
  return undefined;
}

/** How many times a first `explain` looks again for the schemas while the worker loads them (no wall clock here). */
const maxLoadingWaits = 200_000;

/**
 * The schemas load in the background (a chunk of their own): the command waits for them without moving virtual
 * time. The worker loads them before it runs a command that mentions explain (src/worker/lazyCommandData.ts), so
 * this only serves commands it could not see coming; a host that never yields (Node without
 * {@link loadExplainDocument} first) gets an error instead of an endless wait.
 */
function* awaitDocument(): Waiting<ExplainDocument> {
  let failure: unknown;
  loadExplainDocument().catch((e: unknown) => {
    failure = e;
  });
  for (let i = 0; i < maxLoadingWaits; i++) {
    const doc = explainDocument();
    if (doc) return doc;
    if (failure !== undefined) break;
    yield { until: () => explainDocument() !== undefined || failure !== undefined, maxMs: 0 };
  }
  throw fail(`failed to fetch list of groupVersions: ${failure instanceof Error ? failure.message : 'the OpenAPI documents did not load'}`);
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  flags: [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
    { name: 'output', shorthand: 'o', type: 'string', default: plaintext },
  ],
  run(env) {
    if (env.args.length === 0) {
      throw fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    }
    if (env.args.length > 1) throw fail('We accept only this format: explain RESOURCE\n');
    const req = parseResourceRequest(env.args[0], !env.flags.string('api-version'));
    const doc = explainDocument();
    if (doc) return explain(env, doc, req);
    return (function* () {
      return explain(env, yield* awaitDocument(), req);
    })();
  },
};
