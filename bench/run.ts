/**
 * `npm run bench`: runs the benchmarks, prints each figure beside its budget, and writes bench/RESULTS.md
 * with the machine it ran on. (The UI benchmarks of the playground issue run separately: `npm run bench:ui`.)
 */
import { churnBench, type Figure, settleBench } from './engineBench';
import { bigReplicasBench, sleepBench } from './timeBench';
import os from 'node:os';
import { machineLine } from './machine';
import { writeResults } from './results';

function fmt(f: Figure): string {
  const v = f.unit === '×' ? f.value.toFixed(2) : f.value < 10 ? f.value.toFixed(3) : f.value.toFixed(0);
  const verdict = f.pass === undefined ? '' : f.pass ? 'PASS' : 'MISS';
  return `| ${f.name} | ${v} ${f.unit} | ${f.budget ?? '—'} | ${verdict} | ${f.note ?? ''} |`;
}

const figures: Figure[] = [];
for (const bench of [sleepBench, bigReplicasBench, settleBench, churnBench]) {
  const got = bench();
  for (const f of got) console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit}${f.budget ? `  (budget ${f.budget}: ${f.pass ? 'PASS' : 'MISS'})` : ''}${f.note ? `  — ${f.note}` : ''}`);
  figures.push(...got);
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

| figure | value | budget | verdict | note |
| --- | --- | --- | --- | --- |
${figures.map(fmt).join('\n')}
`,
  },
});
console.log('\nwrote bench/RESULTS.md');
