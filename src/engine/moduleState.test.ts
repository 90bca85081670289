/**
 * Guard: no module-level mutable state in the engine or kubectl (caches, registries, counters belong to the
 * cluster or the component that owns them), so two clusters in one process never influence each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleStateViolations } from './testing/moduleState';

const root = join(__dirname, '..', '..');

/** Constant tables: built once while the module loads, never written after (file → names). */
const constantTables: Record<string, readonly string[]> = {
  'src/engine/controllers/namespace/namespaceLifecycle.ts': ['immortalNamespaces'],
  'src/engine/controllers/deployment/deploymentUtil.ts': ['annotationsToSkip'],
  'src/engine/kubelet/podStatus.ts': ['kubeletConditions'],
  'src/engine/kubelet/apps/kuard.ts': ['pages'],
  'src/engine/kubelet/apps/imageExecutables.ts': ['toolboxes'],
  'src/engine/kubelet/apps/shellScript.ts': ['shells', 'servers'],
  'src/engine/kubelet/apps/shellSyntax.ts': ['leading'],
  'src/engine/kubelet/apps/registry.ts': ['passthroughEntrypoint', 'serveHostnameRepos'],
  'src/engine/kubelet/apps/clientImages.ts': ['built', 'curlImageCommands'],
  'src/engine/kubelet/apps/containerExec.ts': ['imageFiles'],
  'src/engine/net/http/curl.ts': ['realLongOptions'],
  'src/engine/api/validation/gocmp/text.ts': ['textNil', 'textEllipsis'],
  'src/engine/api/validation/objectMeta.ts': ['standardFinalizers'],
  'src/engine/api/validation/node.ts': ['integerResources'],
  'src/engine/api/resources.ts': ['byKind'],
  'src/engine/api/defaults/podQos.ts': ['qosResources'],
  'src/engine/apiserver/decode.ts': ['int64Fields'],
  'src/engine/store/labelSelector.ts': ['tokenOperator'],
  'src/engine/store/labelSelectorLexer.ts': ['keywords'],
  'src/engine/store/selectableFields.ts': ['podLabels', 'nodeLabels', 'namespaceLabels', 'secretLabels', 'serviceLabels', 'eventLabels'],
  'src/engine/store/objectStore.ts': ['emptySet'],
  'src/kubectl/podStatus.ts': ['terminalPhases'],
  'src/kubectl/printers/yamlScalars.ts': ['nonStringWords'],
  'src/kubectl/printers/goYaml.ts': ['namedEscapes'],
  'src/kubectl/describe/describeHelpers.ts': ['skipAnnotations'],
  'src/kubectl/completion.ts': ['verbsTakingTypes'],
  'src/kubectl/printers/goTemplate/funcs.ts': ['templateFuncs'],
  'src/kubectl/printers/goTemplate/items.ts': ['keywordTypes'],
  'src/kubectl/commands/scale.ts': ['scalable'],
  'src/kubectl/commands/rollout/rolloutUndo.ts': ['annotationsToSkip'],
  'src/kubectl/commands/expose.ts': ['exposable'],
  'src/engine/kubelet/apps/commandNotRun.ts': ['unmodelledEverywhere', 'unmodelledBusybox'],
  'src/engine/dns/coredns/corefile.ts': ['corednsDirectives'],
  'src/kubectl/commands/explain.ts': ['servedGroupVersions'],
  // Not built at load but loaded once on first use: kubectl explain's OpenAPI schemas (a generated JSON chunk) and
  // the promise loading them. Set once, never written into, the same for every cluster (the 1.34 API, not a
  // cluster's state), so a cluster cannot influence another through them; only the moment they arrive differs.
  'src/kubectl/explain/explainDocument.ts': ['document', 'loading'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testdata' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('module-level state', () => {
  it('is absent from src/engine and src/kubectl (constant tables aside)', () => {
    const found: string[] = [];
    for (const path of [...sources(join(root, 'src/engine')), ...sources(join(root, 'src/kubectl'))]) {
      const file = relative(root, path);
      for (const v of moduleStateViolations(readFileSync(path, 'utf8'), constantTables[file])) found.push(`${file}:${v.line} ${v.text}`);
    }
    expect(found).toEqual([]);
  });

  it('is found when planted: a let, a cache, a registry instance', () => {
    const planted = [
      'import { x } from "y";',
      'let lastSecond = Number.NaN;',
      'export let counter = 0;',
      'const parsed = new Map<string, number>();',
      'const seen = new WeakMap<object, string>();',
      'export const registry = new PortRegistry();',
      'const pattern = new RegExp("^a$");',
      'const table = new Set(["a"]);',
      'function f() {',
      '  let local = 1;',
      '  const cache = new Map();',
      '}',
    ].join('\n');
    expect(moduleStateViolations(planted, ['table']).map((v) => v.name)).toEqual(['lastSecond', 'counter', 'parsed', 'seen', 'registry']);
  });

  it('is found when a constant is written in place, allowlisted or not', () => {
    const planted = [
      'const uidCodes = [48, 48, 45];',
      'const table = new Set(["a"]);',
      'const frozen = Object.freeze(["x"]);',
      'export function newUid(): string {',
      '  uidCodes[1] = 49;',
      '  const copy = frozen.slice();',
      '  copy[0] = "y";',
      '  return String.fromCharCode(...uidCodes) + copy[0];',
      '}',
      'export function remember(v: string): void {',
      '  table.add(v);',
      '  config.limits.max = 3;',
      '}',
      'const config = { limits: { max: 1 } };',
    ].join('\n');
    expect(moduleStateViolations(planted, ['table']).map((v) => v.name)).toEqual(['uidCodes', 'table', 'config']);
  });

  it('is found in a real engine file with a planted cache', () => {
    const text = readFileSync(join(root, 'src/engine/clock.ts'), 'utf8');
    expect(moduleStateViolations(text)).toEqual([]);
    const planted = `${text}\nconst parsedTimestamps = new Map<string, number>();\n`;
    expect(moduleStateViolations(planted).map((v) => v.name)).toEqual(['parsedTimestamps']);
  });
});
