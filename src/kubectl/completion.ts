/**
 * Tab completion for the terminal, in the spirit of kubectl's cobra completion: verbs first, then resource
 * types, then object names of that type (from the cluster, in the kubeconfig's namespace unless `-n` names
 * one), context names for the `kubectl config` commands that take one, and flags after a `-`.
 */
import { type Cluster, allResources, type Kind } from '../engine';
import { commands } from './commands/commandList';
import { splitCommandLine } from './commandLine';
import { explainFieldCompletions } from './explain/fieldCompletion';
import { clientConfig } from './kubeconfig/clientConfig';
import { type KubeconfigFile, kubeconfigOf } from './kubeconfig/kubeconfig';

export interface Completion {
  /** Index in the line where the word being completed starts (it is replaced by an item). */
  replaceFrom: number;
  items: string[];
}

const resourceWords = allResources.flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
const verbsTakingTypes = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'expose', 'scale', 'patch', 'rollout', 'wait', 'set']);
/** `kubectl config` subcommands whose argument is a context (completion.ContextCompletionFunc upstream). */
const contextSubcommands: readonly string[] = ['use-context', 'set-context', 'get-contexts'];

function kindOf(word: string): Kind | undefined {
  const w = word.toLowerCase().split('.')[0];
  return allResources.find((r) => r.resource === w || r.singular === w || r.shortNames.includes(w))?.kind;
}

/** Completions for the last (partial) word of `line`; `kubeconfig` is the host's (`~/.kube/config`). */
export function complete(cluster: Cluster, line: string, kubeconfig?: KubeconfigFile): Completion {
  const endsWithSpace = /\s$/.test(line);
  const words = splitCommandLine(line);
  const partial = endsWithSpace ? '' : (words.pop() ?? '');
  const replaceFrom = line.length - partial.length;
  const [head, ...args] = words;
  const match = (cands: Iterable<string>) => [...new Set(cands)].filter((c) => c.startsWith(partial)).sort();
  if (!head) return { replaceFrom, items: match(['kubectl', 'k', 'sleep', 'clear', 'help']) };
  if (head !== 'kubectl' && head !== 'k') return { replaceFrom, items: [] };
  const positional = args.filter((a) => !a.startsWith('-'));
  const verb = positional[0];
  if (!verb) return { replaceFrom, items: match(commands.map((c) => c.name)) };
  let cmd = commands.find((c) => c.name === verb || c.aliases?.includes(verb));
  // command groups (`rollout status`, `set image`, `create service nodeport`): the subcommand comes first
  let rest = positional.slice(1);
  while (cmd?.subcommands?.length) {
    if (rest.length === 0 && !partial.startsWith('-')) return { replaceFrom, items: match(cmd.subcommands.filter((c) => !c.notSimulated).map((c) => c.name)) };
    const sub = cmd.subcommands.find((c) => c.name === rest[0] || c.aliases?.includes(rest[0]));
    if (!sub) break;
    cmd = sub;
    rest = rest.slice(1);
  }
  if (partial.startsWith('-')) {
    const flags = [...(cmd?.flags ?? []).map((f) => `--${f.name}`), '--namespace', '--all-namespaces'];
    return { replaceFrom, items: match(flags) };
  }
  const config = kubeconfigOf({ cluster, kubeconfig });
  if (verb === 'config') return { replaceFrom, items: cmd && contextSubcommands.includes(cmd.name) && rest.length === 0 ? match(config.contexts.keys()) : [] };
  // `top pod NAME`, `top node NAME`
  const topOf = verb === 'top' ? cmd?.name : undefined;
  // `kubectl explain svc.spec.ty`: resource types, then the fields of the path typed so far
  if (verb === 'explain') return { replaceFrom, items: rest.length === 0 ? match(partial.includes('.') ? explainFieldCompletions(partial) : resourceWords) : [] };
  const podVerb = verb === 'exec' || verb === 'logs' || verb === 'port-forward' || topOf === 'pod';
  const nodeVerb = verb === 'cordon' || verb === 'uncordon' || verb === 'drain' || topOf === 'node';
  if (!verbsTakingTypes.has(verb) && !podVerb && !nodeVerb) return { replaceFrom, items: [] };
  const typeWord = podVerb ? 'pods' : nodeVerb ? 'nodes' : rest[0];
  if (!typeWord || (rest.length === 0 && !podVerb && !nodeVerb)) {
    return { replaceFrom, items: match(resourceWords) };
  }
  const kind = kindOf(typeWord);
  if (!kind) return { replaceFrom, items: [] };
  const nsFlag = args.findIndex((a) => a === '-n' || a === '--namespace');
  const contextFlag = args.indexOf('--context');
  const namespace = nsFlag >= 0 ? args[nsFlag + 1] : clientConfig(config, contextFlag >= 0 ? (args[contextFlag + 1] ?? '') : '', '').namespace;
  const list = cluster.list(kind, { namespace });
  return { replaceFrom, items: list.ok ? match(list.value.items.map((o) => o.metadata?.name ?? '')) : [] };
}
