/**
 * `kubectl apply -f` over a multi-document text, as a running command: one document is applied, then the
 * controllers' reaction drains in budgeted slices before the next, so a big manifest (thousands of objects, a
 * Deployment of many replicas) never blocks the worker. Every document is attempted; each reports on its own.
 * Applied then drained document by document, the cluster is exactly what `Cluster.apply` per document gives.
 */
import { type Cluster, kindFromManifest, requestBodyTooLarge } from '../engine';
import { type ManifestDoc, parseManifests } from '../kubectl/manifests';
import type { ApplyItemResult, ReplyValue } from '../protocol/messages';
import { fieldPosition } from './fieldPosition';
import type { RunningCommand } from './runningCommand';
import { statusText } from './statusText';

export function applyManifests(cluster: Cluster, text: string): RunningCommand {
  const docs = parseManifests(text);
  const items: ApplyItemResult[] = [];
  let next = 0;
  let settling = false;
  return {
    label: docs.length === 1 ? 'apply' : `apply (${docs.length} documents)`,
    slice(maxSteps) {
      let left = maxSteps;
      while (left > 0) {
        if (settling) {
          // the drain's own budget: it stops mid-way and carries on in the next slice
          if (!cluster.drainSlice(left)) return false;
          settling = false;
          left--;
          continue;
        }
        if (next >= docs.length) return true;
        const item = applyOne(cluster, text, docs[next++]);
        items.push(item);
        // a rejected document changed nothing, so its drain is a no-op; draining anyway is what Cluster.apply does
        settling = true;
        left--;
      }
      return !settling && next >= docs.length;
    },
    progress: () => ({ fraction: docs.length ? next / docs.length : 1, doneMs: 0 }),
    // an apply is not interrupted half-way: a document is applied whole, as one request is
    interrupt: () => {},
    outcome: (): { value: ReplyValue } => ({ value: { kind: 'apply', items } }),
  };
}

function applyOne(cluster: Cluster, text: string, doc: ManifestDoc): ApplyItemResult {
  // refused from its text, never parsed: the apiserver's MaxRequestBodyBytes
  if (doc.tooLarge) return { document: doc.index, line: doc.line, error: statusText(requestBodyTooLarge()), errorSource: 'apiserver' };
  if (doc.error) return { document: doc.index, error: doc.error.message, errorSource: 'yaml', line: doc.error.line, column: doc.error.column };
  const obj = doc.object ?? {};
  const kind = kindFromManifest(obj.apiVersion as string | undefined, obj.kind as string | undefined);
  const name = (obj.metadata as { name?: string } | undefined)?.name;
  if (!kind) {
    return {
      document: doc.index,
      line: doc.line,
      errorSource: 'apiserver',
      error: `no matches for kind "${String(obj.kind ?? '')}" in version "${String(obj.apiVersion ?? '')}"`,
    };
  }
  // the editor's Apply is `kubectl apply`, which asks for strict field validation by default
  const res = cluster.applyUnsettled(kind, obj as never, { fieldValidation: 'Strict' });
  const label = `${kind.toLowerCase()}${kind === 'Deployment' || kind === 'ReplicaSet' ? '.apps' : ''}/${name ?? ''}`;
  if (res.ok) return { document: doc.index, line: doc.line, object: label, result: res.value.result };
  // point at the field the apiserver named, when the manifest has it: a cause's field, or the first unknown
  // field of a strict decoding error (a patch's cause names only "patch")
  const unknown = /unknown field "([^"]+)"/.exec(res.status.message)?.[1];
  const field = unknown ?? res.status.details?.causes?.find((c) => c.field)?.field;
  const at = field ? fieldPosition(text, doc.index, field) : undefined;
  return { document: doc.index, line: at?.line ?? doc.line, column: at?.column, object: label, error: statusText(res.status), errorSource: 'apiserver' };
}
