import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    // the property and determinism tests replay long operation sequences
    testTimeout: 60_000,
    // Test files share their workers' modules instead of importing everything afresh per file: on 2 cores the
    // suite took 200 s, most of it importing, and takes 50 s so. Sound because nothing keeps state in a module
    // (src/engine/moduleState.test.ts enforces it for the engine and kubectl) and no test mocks a module.
    isolate: false,
    // every cluster freezes what its store keeps (src/engine/config.ts), so a mutation of a stored object throws
    env: { SVCSIM_FREEZE_OBJECTS: '1' },
    // the UI's message catalogs load lazily on a page; tests translate in both languages from the start
    setupFiles: ['src/i18n/loadCatalogsForTests.ts'],
  },
});
