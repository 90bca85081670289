/**
 * Monaco + monaco-yaml, bundled by Vite (no CDN). This module is only reached through a lazy import, so the
 * editor never sits on the critical path of the canvas.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import { exceedsYamlLimits } from '../shared/yamlLimits';
import { kubernetesSchemas } from './kubernetesSchemas';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// monaco-yaml 5.5 (through monaco-worker-manager 2.0) calls monaco.editor.createWebWorker with the old
// { label, moduleId, createData } options; Monaco 0.57 only takes { worker, host }. Without this shim every
// YAML request fails with "Missing requestHandler or method: doValidation". It mirrors Monaco's own internal
// compatibility wrapper: the first message is ignored by the worker, the second carries createData.
type LegacyWorkerOptions = { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown>; keepIdleModels?: boolean };

// The YAML language service expands aliases and recurses without limits: one alias bomb or a 10,000-deep
// nesting would hang its worker for good (no markers, completion or folding after it is fixed). While a
// model's text is past go-yaml's limits it is not sent to the worker at all; every request gets the empty
// answer monaco-yaml already handles ("nothing here"), and Apply reports where the text breaks the limits.
// (not a thenable itself, so it can be what a promise resolves to)
const nothing: unknown = new Proxy({}, { get: (_, key) => (key === 'then' ? undefined : () => Promise.resolve(undefined)) });
// one verdict per model version: several providers ask for the worker after each edit
const verdicts = new WeakMap<monaco.editor.ITextModel, { version: number; hostile: boolean }>();
const tooHostile = (uri: monaco.Uri) => {
  const model = monaco.editor.getModel(uri);
  if (!model) return false;
  const version = model.getVersionId();
  let verdict = verdicts.get(model);
  if (verdict?.version !== version) {
    verdict = { version, hostile: exceedsYamlLimits(model.getValue()) };
    verdicts.set(model, verdict);
  }
  return verdict.hostile;
};

const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: LegacyWorkerOptions) => {
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      const client = monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
      return {
        dispose: () => client.dispose(),
        getProxy: () => client.getProxy(),
        withSyncedResources: (resources: monaco.Uri[]) => (resources.some(tooHostile) ? Promise.resolve(nothing) : client.withSyncedResources(resources)),
      };
    },
  },
} as unknown as typeof monaco;

configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  isKubernetes: true,
  schemas: kubernetesSchemas(),
});

export const manifestUri = monaco.Uri.parse('file:///manifests.yaml');

export { monaco };
