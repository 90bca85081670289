/**
 * `kubectl config view [--minify] [--raw] [--flatten] [-o yaml|json|jsonpath=…]` (kubectl v0.34.0
 * `pkg/cmd/config/view.go`): the kubeconfig as YAML by default, through the same printers as `get -o`. The object
 * it prints is built in kubeconfig/kubeconfigView.ts; `--context` picks the context `--minify` keeps.
 */
import type { KubectlCommand } from '../../cli/command';
import { fail, usageError } from '../../cli/errors';
import { kubeconfigView } from '../../kubeconfig/kubeconfigView';
import { structJsonIndent } from '../../printers/structJson';
import { type OutputFormat, objectAllowedFormats, objectPrinterFor, outputFlagValue, parseOutputFormat, printObjectOrFail, templateFlags } from '../../printers/outputPrinters';

export const viewCommand: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  use: 'config view',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    // a Tristate defaulting to true; false asks for one explicit file (--kubeconfig), which is not simulated
    { name: 'merge', type: 'bool', default: true },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'minify', type: 'bool' },
  ],
  clientOnly: true,
  run(env) {
    const f = env.flags;
    if (env.args.length !== 0) throw usageError(env.path, `unexpected arguments: [${env.args.join(' ')}]`);
    // PrintFlags without human output: a table format is refused by parseOutputFormat
    const format = parseOutputFormat(outputFlagValue(env), objectAllowedFormats, false, templateFlags(env)) as Exclude<OutputFormat, { type: 'human' }>;
    const printer = objectPrinterFor(format, false);
    if (!f.bool('merge')) throw fail('if merge==false a precise file must be specified');
    const view = kubeconfigView(env.kubeconfig, { minify: f.bool('minify'), raw: f.bool('raw') || f.bool('flatten'), context: f.string('context') });
    // the v1 Config is a typed object: JSON keeps its field order (the other printers sort, as kubectl's do)
    if (format.type === 'json') env.out.out(`${structJsonIndent(view)}\n`);
    else printObjectOrFail(env.out, printer, view as unknown as Record<string, unknown>);
    return undefined;
  },
};
