/**
 * A Go text/template as kubectl builds one for `-o go-template` (cli-runtime pkg/printers/template.go
 * `NewGoTemplatePrinter`): named "output", with text/template's builtins plus `exists` and `base64decode`, and
 * `missingkey=default` or `missingkey=error` (`--allow-missing-template-keys`).
 */
import { executeTemplate } from './exec';
import { templateFuncs } from './funcs';
import type { GoValue } from './goValue';
import type { Tree } from './nodes';
import { parseTemplate } from './parse';

export { TemplateParseError } from './parse';

export class GoTemplate {
  private readonly trees: Map<string, Tree>;

  /** Parses `text`; throws TemplateParseError with Go's message. */
  constructor(
    text: string,
    readonly name = 'output',
  ) {
    this.trees = parseTemplate(name, text, new Set(templateFuncs.keys()));
  }

  /** Runs the template on `data`: the output written, and Go's error text if execution stopped. */
  execute(data: GoValue, missingKeyError = false): { output: string; error?: string } {
    return executeTemplate(this.trees, this.name, data, missingKeyError);
  }
}
