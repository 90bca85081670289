import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig, runnerImport } from 'vite';
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
 * `virtual:svcsim-first-graph`: the playground's first graph, computed now by running the engine
 * (src/worker/firstGraph.ts), so the worker can post it before its engine chunk has loaded. Data, parsed with
 * JSON.parse: nothing is evaluated from a string.
 */
function firstGraph(): Plugin {
  const id = 'virtual:svcsim-first-graph';
  return {
    name: 'svcsim-first-graph',
    // filtered hooks: the bundler calls them for this one id only, not for every module
    resolveId: { filter: { id: /^virtual:svcsim-first-graph$/ }, handler: () => `\0${id}` },
    load: {
      filter: { id: /^\0virtual:svcsim-first-graph$/ },
      async handler() {
        const entry = fileURLToPath(new URL('./src/worker/firstGraph.ts', import.meta.url));
        const { module, dependencies } = await runnerImport<{ bakeFirstGraph: () => FirstGraph }>(entry, { configFile: false, logLevel: 'error' });
        // the dev server recomputes it when the engine changes
        for (const file of dependencies) this.addWatchFile(file);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(module.bakeFirstGraph()))});`;
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), devWithoutCsp(), firstGraph()],
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
  worker: { format: 'es', plugins: () => [firstGraph()] },
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
