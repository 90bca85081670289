/**
 * `kubectl config get-contexts [NAME...] [-o name] [--no-headers]` (kubectl v0.34.0
 * `pkg/cmd/config/get_contexts.go`): a table of the contexts, `*` marking the current one, sorted by name; the
 * names alone with `-o name`. Names not in the kubeconfig are errors reported after the table.
 */
import type { KubectlCommand } from '../../cli/command';
import { fail, throwIfErrors, type KubeError } from '../../cli/errors';
import { TabWriter, tableWriterOptions } from '../../printers/tabWriter';

export const getContextsCommand: KubectlCommand = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  use: 'config get-contexts [(-o|--output=)name)]',
  flags: [
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
  ],
  clientOnly: true,
  run(env) {
    const output = env.flags.string('output');
    if (output !== '' && output !== 'name') throw fail(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
    const nameOnly = output === 'name';
    const config = env.kubeconfig;
    const errors: KubeError[] = [];
    const names: string[] = [];
    if (env.args.length === 0) names.push(...config.contexts.keys());
    for (const name of env.args) {
      if (config.contexts.has(name)) names.push(name);
      else errors.push({ type: 'message', message: `context ${name} not found` });
    }
    let text = '';
    const w = new TabWriter((s) => {
      text += s;
    }, tableWriterOptions);
    if (!env.flags.bool('no-headers') && !nameOnly) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const name of names.sort()) {
      const c = config.contexts.get(name);
      if (!c) continue;
      w.write(nameOnly ? `${name}\n` : `${config.currentContext === name ? '*' : ' '}\t${name}\t${c.cluster}\t${c.user}\t${c.namespace}\n`);
    }
    w.flush();
    env.out.out(text);
    throwIfErrors(errors);
    return undefined;
  },
};
