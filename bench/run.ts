/**
 * `npm run bench`: runs the benchmarks, prints each figure beside its budget, and writes bench/RESULTS.md
 * with the machine it ran on. (The UI benchmarks of the playground issue run separately: `npm run bench:ui`.)
 */
import os from 'node:os';
import { churnBench, settleBench } from './engineBench';
import { type Figure, figureLine, figureTable } from './figures';
import { bigReplicasBench, sleepBench } from './timeBench';
import { machineLine } from './machine';
import { writeResults } from './results';
import { proxyBench } from './proxyBench';

function tableValue(f: Figure): string {
  return f.unit === '×' ? f.value.toFixed(2) : f.value < 10 ? f.value.toFixed(3) : f.value.toFixed(0);
}

// `npm run bench -- --only=proxy` runs one group (proxy, time, engine; churn is engine's per-op rows alone)
const groups: Record<string, (() => Figure[])[]> = { time: [sleepBench, bigReplicasBench], engine: [settleBench, churnBench], proxy: [proxyBench], churn: [churnBench] };
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (only !== undefined && !groups[only]) {
  console.error(`unknown --only=${only} (one of ${Object.keys(groups).join(', ')})`);
  process.exit(2);
}
const figures: Figure[] = [];
const started = performance.now();
for (const bench of only ? groups[only] : [...groups.time, ...groups.engine, ...groups.proxy]) {
  // progress on stderr: the engine settle of 10,000 pods takes minutes on a busy machine
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${bench.name}…`);
  const got = bench();
  for (const f of got) console.log(figureLine(f, (x) => x.value.toFixed(3)));
  figures.push(...got);
}

if (only) {
  console.log(`\n--only=${only}: bench/RESULTS.md not rewritten (run the whole bench for that)`);
  process.exit(0);
}
const today = new Date().toISOString().slice(0, 10);
// Only the engine section is rewritten: the UI section `npm run bench:ui` wrote stays.
writeResults({
  preamble: `# Benchmark results

Latest \`npm run bench\` (${today}) on: ${machineLine()}; 1-minute load average ${os.loadavg()[0].toFixed(1)} at the end
(shared machine: wall-clock figures scale with it; CPU-time figures less so).
`,
  sections: {
    Engine: `## Engine

${figureTable(figures, tableValue)}
`,
  },
});
console.log('\nwrote bench/RESULTS.md');
