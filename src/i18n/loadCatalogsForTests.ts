/**
 * Vitest setup (vitest.config.ts): the page loads one catalog at a time (catalogs.ts), but tests translate in
 * both languages without a page's start, so both are loaded before any test runs.
 */
import { loadCatalog } from './catalogs';
import { languages } from './language';

await Promise.all(languages.map((lang) => loadCatalog(lang)));
