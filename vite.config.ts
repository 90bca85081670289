import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // monaco-yaml -> monaco-worker-manager imports 'monaco-editor/esm/vs/...', but monaco-editor >= 0.56
      // maps "./*" to "./esm/vs/*.js", so the deep path no longer resolves. Rewrite it.
      { find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' },
    ],
  },
  worker: { format: 'es' },
  // the manifest lets `npm run bench:ui` tell the critical-path chunks from the lazy ones
  build: { chunkSizeWarningLimit: 5000, target: 'es2022', manifest: true },
});
