/**
 * The bare React Flow page the frame-time benchmark compares the playground with: its own tiny entry, built
 * apart from the product (nothing of it lands in dist/).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: `${here}bare`,
  base: './',
  plugins: [react()],
  build: { outDir: `${here}../../dist-bench/bare`, emptyOutDir: true, target: 'es2022' },
  logLevel: 'warn',
});
