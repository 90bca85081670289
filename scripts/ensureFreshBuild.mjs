#!/usr/bin/env node
// `npm run e2e`: the journeys run against dist/, so rebuild it first when the sources are newer; otherwise a
// journey would pass or fail on yesterday's code. (`npm test` builds right before, so it calls Playwright directly.)
import { buildIfStale } from './buildFreshness.mjs';

const root = new URL('..', import.meta.url).pathname;
process.exit(buildIfStale(root, 'e2e'));
