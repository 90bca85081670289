// The layering check (.dependency-cruiser.cjs, run by `npm run lint`) must fail when a layer imports what it may
// not. Forbidden imports are planted in the real tree, the checker runs on them exactly as `npm run lint:layers`
// does (known violations ignored), and each planted file must be reported under the rule that forbids it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tag = `__planted_${process.pid}`;

/** file (relative to the repo) → its source, and the rule expected to reject it (null: must pass). */
const planted: { file: string; source: string; rule: string | null }[] = [
  { file: `src/engine/${tag}_state.ts`, source: "import '../state/store';\n", rule: 'engine-imports' },
  { file: `src/engine/${tag}_kubectl.ts`, source: "import type { } from '../kubectl/kubectl';\n", rule: 'engine-imports' },
  {
    file: `src/engine/${tag}_protocolValue.ts`,
    source: "import '../protocol/messages';\n",
    rule: 'engine-imports-types-only',
  },
  {
    file: `src/engine/${tag}_allowed.ts`,
    source: "import type { WireObject } from '../protocol/objects';\nimport '../shared/goQuote';\nexport type T = WireObject;\n",
    rule: null,
  },
  {
    file: `src/features/${tag}_protocolTypes.ts`,
    source: "import type { WireObject } from '../protocol/objects';\nexport type T = WireObject;\n",
    rule: null,
  },
  { file: `src/app/${tag}_protocolValue.ts`, source: "import '../protocol/messages';\n", rule: 'app-imports-types-only' },
  // Unit tests may assemble layers (a test in src/engine driving the worker host), but not load UI libraries there.
  { file: `src/engine/${tag}_worker.test.ts`, source: "import '../worker/clusterHost';\n", rule: null },
  { file: `src/engine/${tag}_react.test.ts`, source: "import 'react';\n", rule: 'no-ui-libraries-below-features' },
  { file: `src/kubectl/${tag}_react.ts`, source: "import 'react';\n", rule: 'no-ui-libraries-below-features' },
  { file: `src/worker/${tag}_fs.ts`, source: "import 'node:fs';\n", rule: 'no-node-builtins-outside-cli' },
  { file: `src/bridge/${tag}_engine.ts`, source: "import '../engine/clock';\n", rule: 'bridge-imports' },
  { file: `src/features/${tag}_app.ts`, source: "import '../app/App';\n", rule: 'features-imports' },
  { file: `src/features/${tag}_worker.ts`, source: "import '../worker/clusterHost';\n", rule: 'features-imports' },
  { file: `e2e/${tag}_store.ts`, source: "import '../src/state/store';\n", rule: 'e2e-imports' },
  { file: `src/shared/${tag}_missing.ts`, source: "import './doesNotExist';\n", rule: 'no-unresolvable-imports' },
];

interface Violation {
  rule: string;
  from: string;
}

let result: { status: number | null; violations: Violation[]; stdout: string; stderr: string };

beforeAll(() => {
  try {
    for (const { file, source } of planted) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), source);
    }
    // The flags of `npm run lint:layers`, with only the planted files as entry points (their imports are followed).
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'depcruise'),
      [...planted.map((p) => p.file), '--config', '.dependency-cruiser.cjs', '--ignore-known', '--output-type', 'err-long'],
      { cwd: root, encoding: 'utf8' },
    );
    // What a developer reads: "  error engine-imports: src/engine/x.ts → src/state/store.ts"
    const violations = [...run.stdout.matchAll(/^\s*error (\S+): (\S+) → /gm)].map(([, rule, from]) => ({ rule, from }));
    result = { status: run.status, violations, stdout: run.stdout, stderr: run.stderr };
  } finally {
    removePlanted();
  }
}, 60_000);

// Removed in beforeAll already; again here in case beforeAll itself was interrupted.
afterAll(removePlanted);

function removePlanted() {
  for (const { file } of planted) rmSync(join(root, file), { force: true });
}

describe('layering check', () => {
  it('exits non-zero when a forbidden import is present', () => {
    expect(result.stderr).toBe('');
    expect(result.status).not.toBe(0);
  });

  it("tells the developer why, in the rule's own words", () => {
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('src/engine is the simulated cluster: pure TypeScript that runs in the worker and in Node.');
  });

  it.each(planted.filter((p) => p.rule !== null))('rejects $file under $rule', ({ file, rule }) => {
    const rules = result.violations.filter((v) => v.from === file).map((v) => v.rule);
    expect(rules).toContain(rule);
  });

  it('accepts what the layer may import (shared, protocol types, anything from a unit test)', () => {
    const allowed = planted.filter((p) => p.rule === null).map((p) => p.file);
    expect(result.violations.filter((v) => allowed.includes(v.from))).toEqual([]);
  });

  it('reports nothing but the planted files (the tree itself is clean apart from known violations)', () => {
    const others = result.violations.filter((v) => !v.from.includes(tag));
    expect(others).toEqual([]);
  });
});
