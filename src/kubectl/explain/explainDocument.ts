/**
 * The OpenAPI v3 schemas `kubectl explain` reads (src/shared/generated/kubernetes.explain.json, made by
 * scripts/generateExplainSchema.ts). They are large next to the rest of kubectl, so they are not part of its
 * chunk: the browser's worker loads them with a dynamic `import()` when a command first needs them (see
 * src/worker/lazyCommandData.ts); Node entries (the CLI, tests) load them up front with
 * {@link loadExplainDocument}.
 */

/** An OpenAPI v3 schema object, as JSON. */
export type OpenApiSchema = { [key: string]: unknown };

export interface ExplainDocument {
  /** `v1/Pod`, `apps/v1/Deployment`: the component of each served kind. */
  kinds: Record<string, string>;
  components: { schemas: Record<string, OpenApiSchema> };
}

// Process-wide, like a constant table: loaded once, never written into, the same for every cluster (allow-listed
// in src/engine/moduleState.test.ts).
let document: ExplainDocument | undefined;
let loading: Promise<ExplainDocument> | undefined;

/** The schemas, once loaded. */
export function explainDocument(): ExplainDocument | undefined {
  return document;
}

/** Loads the schemas (once); resolves when {@link explainDocument} has them. */
export function loadExplainDocument(): Promise<ExplainDocument> {
  loading ??= import('../../shared/generated/kubernetes.explain.json').then((m) => {
    document = (m.default ?? m) as unknown as ExplainDocument;
    return document;
  });
  return loading;
}
