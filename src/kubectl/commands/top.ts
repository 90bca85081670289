/**
 * `kubectl top pod|node` (kubectl v0.34.0 `pkg/cmd/top/top.go`, top_pod.go, top_node.go): resource usage from
 * the Metrics API, which metrics-server serves. kind installs no metrics-server, so discovery lists no
 * `metrics.k8s.io` group and kubectl stops with `Metrics API not available` once its arguments have been checked.
 */
import { parseLabelSelector } from '../../engine/store/labelSelector';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { fail, usageError } from '../cli/errors';
import type { FlagSpec } from '../cli/flags';
import { runCommandGroup } from '../cli/help';

const metricsApiNotAvailable = 'Metrics API not available';

/** Complete, Validate and the start of RunTopPod/RunTopNode, up to the discovery of the Metrics API. */
function runTop(env: CommandEnv, use: string, selectorFlag: string, bothError: string): undefined {
  const f = env.flags;
  // UsageErrorf(cmd, "%s", cmd.Use): the subcommand's own Use, without `top`
  if (env.args.length > 1) throw usageError(env.path, use);
  const sortBy = f.string('sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw fail('--sort-by accepts only cpu or memory');
  const selector = f.string('selector');
  if (env.args.length === 1 && (selector || f.string(selectorFlag))) throw fail(bothError);
  if (selector) {
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) throw fail(parsed.error);
  }
  throw fail(metricsApiNotAvailable);
}

const commonFlags: FlagSpec[] = [
  { name: 'selector', shorthand: 'l', type: 'string' },
  { name: 'sort-by', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'use-protocol-buffers', type: 'bool', default: true },
  { name: 'show-swap', type: 'bool' },
];

const topPodCommand: KubectlCommand = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  use: 'top pod [NAME | -l label]',
  flags: [
    ...commonFlags,
    { name: 'field-selector', type: 'string' },
    { name: 'containers', type: 'bool' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool' },
    { name: 'sum', type: 'bool' },
  ],
  run: (env) => runTop(env, 'pod [NAME | -l label]', 'field-selector', 'only one of NAME or selector can be provided'),
};

const topNodeCommand: KubectlCommand = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  use: 'top node [NAME | -l label]',
  flags: [...commonFlags, { name: 'show-capacity', type: 'bool' }],
  // node has no field selector: the flag name is only looked up for pods
  run: (env) => runTop(env, 'node [NAME | -l label]', 'selector', 'only one of NAME or --selector can be provided'),
};

export const topCommand: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  use: 'top',
  subcommands: [topNodeCommand, topPodCommand],
  flags: [],
  // the group alone only prints its help; pod and node reach the server
  clientOnly: true,
  run: (env) => runCommandGroup(env, topCommand),
};
