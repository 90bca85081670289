/**
 * Stands in for `monaco-worker-manager/worker` inside the YAML worker (vite.config.ts aliases it): the same
 * `initialize`, except that the language service reads a model past go-yaml's limits (an alias bomb, nesting
 * 10,000 deep) as empty text. The service expands aliases and recurses without limits, so one such text would
 * hang the worker for good; the main thread also keeps such text from the worker (adapters/monaco.ts), but a
 * request queued before an edit still reads the model as it is when the request runs, so the guard is here too.
 */
import { initialize as initializeWorker } from 'monaco-editor/editor/editor.worker.js';
import { exceedsYamlLimits } from '../shared/yamlLimits';

interface MirrorModel {
  readonly uri: unknown;
  readonly version: number;
  getValue(): string;
}

interface WorkerContext {
  getMirrorModels(): MirrorModel[];
}

const verdicts = new WeakMap<MirrorModel, { version: number; hostile: boolean }>();

function readable(model: MirrorModel): MirrorModel {
  let verdict = verdicts.get(model);
  if (verdict?.version !== model.version) {
    verdict = { version: model.version, hostile: exceedsYamlLimits(model.getValue()) };
    verdicts.set(model, verdict);
  }
  return verdict.hostile ? { uri: model.uri, version: model.version, getValue: () => '' } : model;
}

export function initialize(fn: (ctx: WorkerContext, createData: unknown) => object): void {
  self.onmessage = () => {
    initializeWorker((ctx: WorkerContext, createData: unknown) => {
      const guarded: WorkerContext = Object.assign(Object.create(ctx) as WorkerContext, {
        getMirrorModels: () => ctx.getMirrorModels().map(readable),
      });
      return Object.create(fn(guarded, createData));
    });
  };
}
