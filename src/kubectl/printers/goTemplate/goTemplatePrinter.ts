/**
 * cli-runtime's GoTemplatePrinter (pkg/printers/template.go `PrintObj`): the object as `json.Marshal` writes it,
 * unmarshalled into `map[string]interface{}` (every number a float64), run through the template. When execution
 * fails, what the template wrote so far and a debugging block go to stdout — `Error executing template: …`, the
 * template, the raw JSON and the object as `%+v` prints it — and the command fails with
 * `error executing template "<template>": <text/template's error>`.
 */
import { goJsonMarshal } from '../../../shared/goJson';
import { type KubeError, fail } from '../../cli/errors';
import { sprint } from './goPrintf';
import { quote } from './goStrconv';
import { fromJson } from './goValue';
import { GoTemplate } from './template';

/** A printer that failed after writing part of its output (which belongs on stdout, before the error). */
export class PartialOutputError extends Error {
  constructor(
    readonly stdout: string,
    readonly error: KubeError,
  ) {
    super(stdout);
  }
}

export function goTemplatePrinter(template: string, allowMissingKeys: boolean): { print(obj: Record<string, unknown>): string } {
  const parsed = new GoTemplate(template);
  return {
    print(obj) {
      const data = fromJson(obj);
      const r = parsed.execute(data, !allowMissingKeys);
      if (r.error === undefined) return r.output;
      const debug =
        `Error executing template: ${r.error}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\traw data was:\n\t\t${goJsonMarshal(obj)}\n` +
        `\tobject given to template engine was:\n\t\t${sprint([data])}\n\n`;
      throw new PartialOutputError(r.output + debug, fail(`error executing template ${quote(template)}: ${r.error}`).error);
    },
  };
}
