import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig, runnerImport } from 'vite';
import type * as Baker from './src/worker/firstGraph';
import type { FirstGraph } from './src/worker/firstGraphFront';

/**
 * index.html ships a strict Content-Security-Policy for the built app (`vite preview`, `npm start`). The dev
 * server needs what it forbids (an inline React Refresh preamble, HMR over a websocket), so it serves the page
 * without the tag. The journeys run against the build, where the policy holds.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'svcsim-dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * The first graphs, computed now by running the engine (src/worker/firstGraph.ts), so the worker can post them
 * before its engine chunk has loaded (src/worker/firstGraphFront.ts). Data, parsed with JSON.parse: nothing is
 * evaluated from a string.
 * - `virtual:svcsim-first-graph`: the seed's (the playground's and a plain embed's start);
 * - `virtual:svcsim-openings`: the table of the others — a bare `init`'s reply, and for each built-in scenario and
 *   step a loader of `virtual:svcsim-opening-NAME-stepN`, a chunk of its own that only the page opening it fetches.
 */

/** Baked once per build: the worker is bundled once for each page that starts it (the playground and the embed). */
const baked = new Map<string, string>();
let buildBaker: Promise<{ module: typeof Baker; dependencies: string[] }> | undefined;

function firstGraphs(): Plugin {
  const ids = /^virtual:svcsim-(first-graph|openings|opening-[\w-]+-step\d+)$/;
  let seed: FirstGraph | undefined;
  let building = false;
  const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  return {
    name: 'svcsim-first-graphs',
    // filtered hooks: the bundler calls them for these ids only, not for every module
    configResolved: (config) => {
      building = config.command === 'build';
    },
    resolveId: { filter: { id: ids }, handler: (id) => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:svcsim-/ },
      async handler(id) {
        const entry = fileURLToPath(new URL('./src/worker/firstGraph.ts', import.meta.url));
        const name = id.slice('\0virtual:svcsim-'.length);
        const cached = building ? baked.get(name) : undefined;
        if (cached !== undefined) return cached;
        const importBaker = () => runnerImport<typeof Baker>(entry, { configFile: false, logLevel: 'error' });
        // the dev server imports the engine afresh, so what it serves follows the engine's changes
        if (building) buildBaker ??= importBaker();
        const { module, dependencies } = await (buildBaker && building ? buildBaker : importBaker());
        for (const file of dependencies) this.addWatchFile(file);
        const code = bake(module, name);
        if (building) baked.set(name, code);
        return code;
      },
    },
  };

  function bake(module: typeof Baker, name: string): string {
    const opening = /^opening-(.+)-step(\d+)$/.exec(name);
    if (opening) return `export default ${json(module.bakeScenarioOpening(opening[1], Number(opening[2])))};`;
    // the seed's graph is asked for twice (its chunk, and the table's start time and commands): baked once a build
    if (!building || !seed) seed = module.bakeFirstGraph();
    if (name === 'first-graph') return `export default ${json(seed)};`;
    // `openings`: the table the worker entry reads
    const loaders = module
      .builtinScenarioSteps()
      .flatMap(({ name: scenario, steps }) => Array.from({ length: steps }, (_, step) => ({ scenario, step })))
      .map(({ scenario, step }) => `${JSON.stringify(`${scenario}/${step}`)}: () => import(${JSON.stringify(`virtual:svcsim-opening-${scenario}-step${step}`)}).then((m) => m.default)`);
    return [
      `export const startTime = ${seed.time};`,
      `export const seedCommands = ${json(seed.steps.map((s) => s.command))};`,
      `export const bareInit = ${json(module.bakeBareInit())};`,
      `export const scenarios = {\n${loaders.join(',\n')}\n};`,
    ].join('\n');
  }
}

export default defineConfig({
  plugins: [react(), devWithoutCsp(), firstGraphs()],
  resolve: {
    alias: [
      // monaco-yaml -> monaco-worker-manager imports 'monaco-editor/esm/vs/...', but monaco-editor >= 0.56
      // maps "./*" to "./esm/vs/*.js", so the deep path no longer resolves. Rewrite it.
      { find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' },
      // the YAML worker's initialize, with hostile text kept from the language service (src/adapters/yamlWorkerInitialize.ts)
      { find: /^monaco-worker-manager\/worker$/, replacement: fileURLToPath(new URL('./src/adapters/yamlWorkerInitialize.ts', import.meta.url)) },
    ],
  },
  // the worker is a build of its own, with its own plugins
  worker: { format: 'es', plugins: () => [firstGraphs()] },
  // the manifest lets `npm run bench:ui` tell the critical-path chunks from the lazy ones
  build: {
    chunkSizeWarningLimit: 5000,
    target: 'es2022',
    manifest: true,
    // embed.html: the page slides embed (src/app/embedMain.tsx), an entry of its own so it loads no playground chrome
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
    },
  },
});
