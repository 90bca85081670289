// The layering of svcsim, checked on every `npm run lint`: which folder of src/ may import which. This is the
// machine-checked form of the layering table of the architecture notes: change both together.
// Each layer lists what it may import (its own folder is always allowed); anything else in src/ is an error whose
// message is the rule's `comment`. Unit tests (`*.test.ts`) are exempt from the layer table: a test may assemble
// several layers (a bridge test against a real ClusterHost), but it still may not load UI libraries below the UI.
// Violations being removed right now are listed in .dependency-cruiser-known-violations.json; regenerate it
// (`npm run -s lint:layers:baseline`) only after fixing one, never to hide a new one.

/** A regular expression matching any of the given src/ folders or files (`testids.ts`). */
const inSrc = (...names) => `^src/(${names.map((n) => n.replace(/\./g, '\\.')).join('|')})(/|$)`;

const layers = [
  {
    layer: 'shared',
    may: [],
    why: 'src/shared holds tiny pure helpers everyone may use, so it imports nothing else in src (or it would drag that layer into every other one).',
  },
  {
    layer: 'protocol',
    may: ['shared'],
    why: 'src/protocol is the main⇄worker contract: plain types both sides agree on; it depends on nothing but src/shared.',
  },
  {
    layer: 'engine',
    may: ['shared'],
    typesOf: ['protocol'],
    why: 'src/engine is the simulated cluster: pure TypeScript that runs in the worker and in Node. It may use src/shared and the protocol types, nothing that sits on top of it (kubectl, worker, UI).',
  },
  {
    layer: 'kubectl',
    may: ['engine', 'shared'],
    why: 'src/kubectl talks to the cluster through the engine like kubectl talks to an apiserver; it knows nothing of the worker, the protocol or the UI.',
  },
  {
    layer: 'scenario',
    may: ['engine', 'kubectl', 'shared'],
    why: 'src/scenario drives the cluster with kubectl commands and engine types; it must run headless (CLI, tests), so no worker, bridge or UI.',
  },
  {
    layer: 'share',
    may: ['scenario', 'shared'],
    why: 'src/share only encodes scenarios into links; it must not reach into the engine or the UI.',
  },
  {
    layer: 'worker',
    may: ['engine', 'kubectl', 'scenario', 'protocol'],
    why: 'src/worker hosts one cluster and answers protocol Commands; it never imports the main thread (bridge, state, UI).',
  },
  {
    layer: 'cli',
    may: ['engine', 'kubectl', 'scenario'],
    why: 'src/cli is the Node entry: it runs the engine and kubectl directly, without the worker or the UI.',
  },
  {
    layer: 'bridge',
    may: ['protocol'],
    why: 'src/bridge is the main-thread side of the worker: it speaks the protocol only and never loads the engine (that would run the simulation on the UI thread).',
  },
  {
    // The framework-free graph model (cluster diffs → nodes/edges), outside src/features as @xyflow/system is outside
    // React; its folder name is not settled yet, so both candidates are listed.
    layer: 'graph',
    folders: ['graph', 'topology'],
    may: ['protocol', 'shared'],
    why: 'The graph model turns protocol diffs into nodes and edges without React: it may import only src/protocol and src/shared, so it stays unit-testable and the UI cannot leak into it.',
  },
  {
    // Mermaid text to and from a cluster (topology export/import, a trace as a sequence diagram): pure functions
    // over protocol objects, so the dialog only renders and the tests run in Node.
    layer: 'diagram',
    may: ['shared'],
    typesOf: ['protocol'],
    why: 'src/diagram turns cluster objects and traces into Mermaid text and back without React or Mermaid itself: it may import only src/shared and protocol types.',
  },
  {
    layer: 'state',
    may: ['protocol', 'bridge', 'graph', 'topology'],
    why: 'src/state is the zustand mirror of the cluster: it reads protocol diffs through the bridge; features read it, never the reverse.',
  },
  {
    layer: 'adapters',
    may: ['shared'],
    why: 'src/adapters wraps one heavy library per module (Monaco, layout); it knows nothing of the app so the library can be swapped or lazy-loaded.',
  },
  {
    layer: 'i18n',
    may: [],
    why: 'src/i18n holds the UI message catalogs and the language choice: plain data and a tiny store, so features and the app can use it and it drags nothing in.',
  },
  {
    layer: 'components',
    may: [],
    why: 'src/components are generic presentational pieces: nothing app-specific, so they take everything they show as props.',
  },
  {
    layer: 'features',
    may: ['state', 'adapters', 'components', 'graph', 'topology', 'diagram', 'i18n', 'shared', 'testids.ts'],
    typesOf: ['protocol'],
    why: 'src/features get the worker bridge and cluster state injected through src/state; they never import src/app (the app composes features, not the reverse) nor the bridge, worker or engine directly. Protocol types are fine (`import type`), protocol code is not.',
  },
  {
    // The app is the composition root: it creates the worker bridge and injects it into the store or a context
    // (features never construct it), and seeds the playground with a built-in scenario (data), so it may import
    // src/bridge and src/scenario/library besides what the table lists. It reads and writes share links
    // (`#s=`, routing), so it may import the share-link codec too.
    layer: 'app',
    may: ['features', 'state', 'bridge', 'scenario/library', 'share', 'i18n', 'testids.ts'],
    typesOf: ['protocol'],
    why: 'src/app wires features and state together (and creates the bridge); it must not reach past them into the engine, the worker side, scenario logic or protocol code (protocol types are fine).',
  },
  {
    layer: 'main',
    folders: ['main.tsx'],
    may: ['app'],
    why: 'src/main.tsx only mounts the app.',
  },
  {
    layer: 'testids',
    folders: ['testids.ts'],
    may: [],
    why: 'src/testids.ts is the one map of test ids shared by the app and e2e: it imports nothing.',
  },
];

const testFile = '\\.test\\.tsx?$';

const layerRules = layers.flatMap(({ layer, folders = [layer], may, typesOf = [], why }) => [
  {
    name: `${layer}-imports`,
    comment: why,
    severity: 'error',
    from: { path: inSrc(...folders), pathNot: testFile },
    to: { path: '^src/', pathNot: inSrc(...folders, ...may, ...typesOf) },
  },
  // `typesOf`: folders this layer may take types from (`import type`), but no code.
  ...(typesOf.length === 0
    ? []
    : [
        {
          name: `${layer}-imports-types-only`,
          comment: why,
          severity: 'error',
          from: { path: inSrc(...folders), pathNot: testFile },
          to: { path: inSrc(...typesOf), dependencyTypesNot: ['type-only'] },
        },
      ]),
]);

// Libraries that need a DOM or React. Matches resolved paths (node_modules/…) and unresolved bare names.
const uiLibraries = '^(node_modules/)?(react|react-dom|zustand|@xyflow|monaco-editor|monaco-yaml|mermaid|@xterm|react-resizable-panels)(/|$)';

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'e2e-imports',
      comment:
        'e2e journeys drive the built app like a user: from src/ they may import only the test-id map (src/testids.ts), never app code.',
      severity: 'error',
      from: { path: '^e2e/' },
      to: { path: '^src/', pathNot: inSrc('testids.ts') },
    },
    {
      name: 'no-ui-libraries-below-features',
      comment:
        'React, DOM and UI libraries (React Flow, Monaco, xterm, Mermaid, zustand) belong to src/state, src/features, src/adapters and src/app: the simulation side runs in a Web Worker and in Node, and the bridge must stay framework-free.',
      severity: 'error',
      from: { path: inSrc('shared', 'protocol', 'engine', 'kubectl', 'scenario', 'share', 'worker', 'cli', 'bridge', 'graph', 'topology', 'diagram', 'testids.ts') },
      to: { path: uiLibraries },
    },
    {
      name: 'state-uses-only-zustand-and-react',
      comment:
        'src/state is the store: zustand and React hooks over it are fine, but rendering libraries (React DOM, React Flow, Monaco, xterm, Mermaid) belong to src/features and src/adapters.',
      severity: 'error',
      from: { path: inSrc('state') },
      to: { path: uiLibraries, pathNot: '^(node_modules/)?(react|zustand)(/|$)' },
    },
    {
      name: 'no-node-builtins-outside-cli',
      comment:
        'Only src/cli (and tests) run in Node: everything else also runs in the browser, where node: modules do not exist.',
      severity: 'error',
      from: { path: '^src/', pathNot: [inSrc('cli'), testFile] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable-imports',
      comment:
        'An import the checker cannot resolve is an import it cannot check (every layer rule would pass it): fix the path. Vite `?worker` imports and the virtual modules vite.config.ts makes are the exceptions.',
      severity: 'error',
      from: {},
      // Vite's `?worker` suffix is resolved by Vite, not by Node resolution; `virtual:svcsim-first-graph` is data
      // vite.config.ts computes with src/worker/firstGraph.ts (which this check does see)
      to: { couldNotResolve: true, pathNot: ['\\?worker$', '^virtual:svcsim-'] },
    },
  ],
  options: {
    // Type-only imports are dependencies too (an engine file importing a kubectl type still couples the layers);
    // keeping them also lets the protocol rule tell `import type` from a value import.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)testdata/' },
    // Resolve package `exports` maps the way Vite does (monaco-editor has subpath exports only).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'module', 'browser', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
