import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    // the property and determinism tests replay long operation sequences
    testTimeout: 60_000,
    // every cluster freezes what its store keeps (src/engine/config.ts), so a mutation of a stored object throws
    env: { SVCSIM_FREEZE_OBJECTS: '1' },
    // the UI's message catalogs load lazily on a page; tests translate in both languages from the start
    setupFiles: ['src/i18n/loadCatalogsForTests.ts'],
  },
});
