import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';

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

export default defineConfig({
  plugins: [react(), devWithoutCsp()],
  resolve: {
    alias: [
      // monaco-yaml -> monaco-worker-manager imports 'monaco-editor/esm/vs/...', but monaco-editor >= 0.56
      // maps "./*" to "./esm/vs/*.js", so the deep path no longer resolves. Rewrite it.
      { find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' },
      // the YAML worker's initialize, with hostile text kept from the language service (src/adapters/yamlWorkerInitialize.ts)
      { find: /^monaco-worker-manager\/worker$/, replacement: fileURLToPath(new URL('./src/adapters/yamlWorkerInitialize.ts', import.meta.url)) },
    ],
  },
  worker: { format: 'es' },
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
