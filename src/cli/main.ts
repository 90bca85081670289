/**
 * `svcsim` — the simulated cluster and kubectl in Node, for scripts and CI.
 *
 *   npm run -s svcsim -- shell [--seed N] [--config cluster.yaml] [--playground] < script.sh
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Cluster } from '../engine';
import { loadExplainDocument } from '../kubectl/explain/explainDocument';
import { parseClusterConfig } from './clusterConfigFile';
import { ShellSession } from './shellSession';
import { startLikePlayground } from '../scenario/playgroundStart';
import { runScenarioCommand } from './runScenario';

const usage = `Usage:
  svcsim shell [--seed N] [--config FILE] [--playground]
  svcsim run FILE|NAME [--lang en|zh-TW]
      read a script from standard input, one line at a time. --playground starts from the playground's first
      state (the seed topology applied and 15s of virtual time passed) instead of an empty cluster.

Script lines: kubectl ... (or k ...), sleep DURATION (30s, 5m, 2h), a trailing & to run a watch in the
background, jobs, kill %N, wait, NAME=$(kubectl ...) and $NAME, # comments, pipes into
kubectl, cat, grep, head, tail, wc, sort and uniq, and here-documents (kubectl apply -f - <<EOF). The kind nodes: docker ps, and docker exec NODE with iptables-save,
iptables -t nat -L|-S CHAIN, ipvsadm -Ln, ipset list, nft list ruleset, ip addr, ip route, conntrack -L.

run plays a scenario (a .svcsim.yaml file, or the name of a built-in one) headless: each step's title, its
action's transcript and its checks as ✓/✗. The exit status is 1 when a check fails, 2 when the scenario is invalid.
`;

function fail(message: string): never {
  process.stderr.write(`svcsim: ${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  // kubectl explain's OpenAPI schemas: kubectl runs synchronously, so they are read before any line is
  await loadExplainDocument();
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(usage);
    return;
  }
  if (cmd === 'run') {
    process.exitCode = runScenarioCommand(rest, (p) => readFileSync(p, 'utf8'), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
    return;
  }
  if (cmd !== 'shell') fail(`unknown command "${cmd}"\n${usage}`);
  let config = {};
  let seed: number | undefined;
  let playground = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i++;
      if (i >= rest.length) fail(`${name} needs a value`);
      return rest[i];
    };
    if (a === '--seed' || a.startsWith('--seed=')) {
      seed = Number(value('--seed'));
      if (!Number.isInteger(seed)) fail('--seed must be an integer');
    } else if (a === '--config' || a.startsWith('--config=')) {
      const path = value('--config');
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        fail(`cannot read ${path}: ${(e as Error).message}`);
      }
      const parsed = parseClusterConfig(text);
      if (!parsed.ok) fail(`${path}: ${parsed.error}`);
      config = parsed.config;
    } else if (a === '--playground') {
      playground = true;
    } else {
      fail(`unknown flag ${a}\n${usage}`);
    }
  }
  const cluster = new Cluster({ ...config, ...(seed !== undefined ? { seed } : {}) });
  if (playground) {
    const errors = startLikePlayground(cluster);
    if (errors.length) fail(`the playground's seed topology did not apply: ${errors.join('; ')}`);
  }
  const session = new ShellSession(cluster, {
    readFile: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
  });
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) process.stdout.write(session.feed(line));
  process.stdout.write(session.close());
  process.exitCode = 0;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`svcsim: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(70);
});
