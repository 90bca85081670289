/**
 * The context edits of `kubectl config` (kubectl v0.34.0 `pkg/cmd/config/use_context.go`, set_context.go):
 * `use-context NAME` (alias `use`) makes a context current; `set-context NAME|--current` creates or merges into a
 * context the fields given (`--cluster`, `--user`, `--namespace`; an empty value clears one), and says whether it
 * `created` or `modified` it. The change is the kubeconfig's: every later kubectl command reads it.
 */
import type { CommandEnv, KubectlCommand } from '../../cli/command';
import { type CommandError, fail } from '../../cli/errors';
import { commandHelp } from '../../cli/help';
import { goQuote } from '../../../shared/goQuote';

/** `helpErrorf` (config.go): the command's help on stdout, then the error. */
function helpError(env: CommandEnv, cmd: KubectlCommand, message: string): CommandError {
  env.out.out(commandHelp(cmd));
  return fail(message);
}

/** `Unexpected args: %v` of a []string. */
const unexpectedArgs = (args: readonly string[]) => `Unexpected args: [${args.join(' ')}]`;

export const useContextCommand: KubectlCommand = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  use: 'config use-context CONTEXT_NAME',
  flags: [],
  clientOnly: true,
  run(env) {
    if (env.args.length !== 1) throw helpError(env, useContextCommand, unexpectedArgs(env.args));
    const name = env.args[0];
    if (name === '') throw fail('empty context names are not allowed');
    if (!env.kubeconfig.contexts.has(name)) throw fail(`no context exists with the name: ${goQuote(name)}`);
    env.kubeconfig.currentContext = name;
    env.out.out(`Switched to context ${goQuote(name)}.\n`);
    return undefined;
  },
};

export const setContextCommand: KubectlCommand = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  use: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  // local flags: they shadow kubectl's global --cluster, --user and --namespace (and with it the -n shorthand)
  flags: [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', type: 'string' },
  ],
  clientOnly: true,
  run(env) {
    const f = env.flags;
    if (env.args.length > 1) throw helpError(env, setContextCommand, unexpectedArgs(env.args));
    const given = env.args[0] ?? '';
    if (given === '' && !f.bool('current')) throw fail('you must specify a non-empty context name or --current');
    if (given !== '' && f.bool('current')) throw fail('you cannot specify both a context name and --current');
    const config = env.kubeconfig;
    let name = given;
    if (f.bool('current')) {
      if (config.currentContext === '') throw fail('no current context is set');
      name = config.currentContext;
    }
    const existing = config.contexts.get(name);
    const context = { ...(existing ?? { cluster: '', user: '', namespace: '' }) };
    if (f.changed('cluster')) context.cluster = f.string('cluster');
    if (f.changed('user')) context.user = f.string('user');
    if (f.changed('namespace')) context.namespace = f.string('namespace');
    config.contexts.set(name, context);
    env.out.out(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`);
    return undefined;
  },
};
