/**
 * The `-o` printers besides tables (cli-runtime `pkg/printers` and kubectl `pkg/cmd/get`): yaml (objects
 * separated by `---`), json (4-space MarshalIndent), name (`kind[.group]/name [operation]`), jsonpath,
 * jsonpath-as-json, jsonpath-file, go-template (also `template`, `go-template-file`, `templatefile`, and
 * `--template`) and custom-columns. `parseOutputFormat` mirrors PrintFlags.ToPrinter's format matching and its
 * `unable to match a printer suitable for the output format` error.
 */
import type { CommandEnv } from '../cli/command';
import { CommandError, type KubeError, fail } from '../cli/errors';
import type { Output } from '../cli/output';
import { goSyntax, goSprint } from '../../shared/goFmt';
import { goJsonMarshalIndent } from '../../shared/goJson';
import { toGoYaml } from './goYaml';
import { escapeTerminal } from './humanReadablePrinter';
import { JsonPath, JsonPathEvalError } from './jsonpath/jsonpath';
import { JsonPathSyntaxError } from './jsonpath/jsonpathParser';
import { PartialOutputError, goTemplatePrinter } from './goTemplate/goTemplatePrinter';
import { GoTemplate, TemplateParseError } from './goTemplate/template';
import { TabWriter, tableWriterOptions } from './tabWriter';

export type OutputFormat =
  | { type: 'human'; wide: boolean }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'name' }
  | { type: 'jsonpath'; template: string; asJson: boolean; allowMissingKeys?: boolean }
  | { type: 'go-template'; template: string; allowMissingKeys: boolean }
  | { type: 'custom-columns'; spec: string };

/** The template flags of PrintFlags (`--template`, `--allow-missing-template-keys`) and the file reader for `-file` formats. */
export interface TemplateFlags {
  template: string;
  allowMissingKeys: boolean;
  readFile?: (path: string) => string | undefined;
}

const noTemplateFlags: TemplateFlags = { template: '', allowMissingKeys: true };

/** PrintFlags' output format: `-o`, or go-template when only `--template` is given (PrintFlags.ToPrinter). */
export function outputFlagValue(env: CommandEnv): string {
  const f = env.flags;
  return f.string('template') && !f.changed('output') ? 'go-template' : f.string('output');
}

/** A command's template flags (a command without them has their defaults). */
export function templateFlags(env: CommandEnv): TemplateFlags {
  const f = env.flags;
  const allowMissingKeys = f.changed('allow-missing-template-keys') ? f.bool('allow-missing-template-keys') : true;
  return { template: f.string('template'), allowMissingKeys, readFile: env.ctx.readFile };
}

/** Formats `kubectl get` accepts (sorted as in the error message). */
export const getAllowedFormats = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

/** Formats of commands with plain PrintFlags (run, expose, label, create, apply...). */
export const objectAllowedFormats = getAllowedFormats.filter((f) => !f.startsWith('custom-columns') && f !== 'wide');

/**
 * One of KubeTemplatePrintFlags' printer families (cli-runtime pkg/genericclioptions jsonpath_flags.go,
 * template_flags.go): the format and its template, from `FORMAT=TEMPLATE` or, when `--template` is set, from the
 * flag; undefined when `output` is none of `formats` (NoCompatiblePrinterError). `-file` formats read the file.
 */
function templateArgument(output: string, tf: TemplateFlags, formats: readonly string[], fileFormats: readonly string[]): { format: string; value: string } | undefined {
  if (!tf.template && output === '') return undefined;
  let format = output;
  let value = tf.template;
  if (!tf.template) {
    const f = formats.find((x) => output.startsWith(`${x}=`));
    if (f) {
      format = f;
      value = output.slice(f.length + 1);
    }
  }
  if (!formats.includes(format)) return undefined;
  if (!value) throw fail('template format specified but no template given');
  if (fileFormats.includes(format)) {
    const text = tf.readFile?.(value);
    if (text === undefined) throw fail(`error reading --template ${value}, open ${value}: no such file or directory`);
    value = text;
  }
  return { format, value };
}

/** KubeTemplatePrintFlags.ToPrinter: jsonpath formats first, then go-template ones; templates parse here. */
function templateFormat(output: string, tf: TemplateFlags): OutputFormat | undefined {
  const jp = templateArgument(output, tf, ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'], ['jsonpath-file']);
  if (jp) {
    try {
      new JsonPath(jp.value);
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) throw fail(`error parsing jsonpath ${jp.value}, ${e.message}`);
      throw e;
    }
    return { type: 'jsonpath', template: jp.value, asJson: jp.format === 'jsonpath-as-json', allowMissingKeys: tf.allowMissingKeys };
  }
  const gt = templateArgument(output, tf, ['template', 'go-template', 'go-template-file', 'templatefile'], ['go-template-file', 'templatefile']);
  if (!gt) return undefined;
  try {
    new GoTemplate(gt.value);
  } catch (e) {
    if (e instanceof TemplateParseError) throw fail(`error parsing template ${gt.value}, ${e.message}`);
    throw e;
  }
  return { type: 'go-template', template: gt.value, allowMissingKeys: tf.allowMissingKeys };
}

/**
 * Interprets `-o` (with the template flags); `allowed` is the command's list for the error message. With
 * `--template` and no `-o`, the format is go-template (get's PrintFlags.ToPrinter; for other commands the caller
 * passes `go-template` when `-o` was not given).
 */
export function parseOutputFormat(output: string, allowed: readonly string[], humanAllowed: boolean, tf: TemplateFlags = noTemplateFlags): OutputFormat {
  if (output === '' && humanAllowed && !tf.template) return { type: 'human', wide: false };
  if (output === 'wide' && humanAllowed) return { type: 'human', wide: true };
  const format = output === '' && tf.template ? 'go-template' : output;
  const template = templateFormat(format, tf);
  if (template) return template;
  if (format === 'yaml') return { type: 'yaml' };
  if (format === 'json') return { type: 'json' };
  if (format === 'name') return { type: 'name' };
  if (humanAllowed && (format === 'custom-columns' || format.startsWith('custom-columns='))) {
    const spec = format.slice('custom-columns='.length);
    if (!spec) throw fail('custom-columns format specified but no custom columns given');
    return { type: 'custom-columns', spec };
  }
  const known = ['custom-columns-file'].find((f) => allowed.includes(f) && (format === f || format.startsWith(`${f}=`)));
  if (known) throw fail(`-o ${known} is not simulated yet; use -o yaml, json, name, jsonpath, go-template or custom-columns`);
  throw fail(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${[...allowed].sort().join(',')}`);
}

/** A printer of whole objects (or Lists of them). */
export interface ObjectPrinter {
  print(obj: Record<string, unknown>): string;
}

/** `kind/name` (or `kind.group/name`) from an object's apiVersion and kind. */
export function kindSlashName(obj: Record<string, unknown>): string {
  const apiVersion = String(obj.apiVersion ?? '');
  const kind = String(obj.kind ?? '').toLowerCase();
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const name = ((obj.metadata as { name?: string } | undefined)?.name || '<unknown>') as string;
  return group ? `${kind}.${group}/${name}` : `${kind}/${name}`;
}

/** NamePrinter: `pod/x`, with ` <operation>` when one is set; Lists print each item. */
export function namePrinter(operation = ''): ObjectPrinter {
  const print = (obj: Record<string, unknown>): string => {
    if (Array.isArray(obj.items)) return (obj.items as Record<string, unknown>[]).map(print).join('');
    return `${kindSlashName(obj)}${operation ? ` ${operation}` : ''}\n`;
  };
  return { print };
}

/** YAMLPrinter: documents after the first are preceded by `---`. */
export function yamlPrinter(): ObjectPrinter {
  let count = 0;
  return {
    print(obj) {
      count++;
      return `${count > 1 ? '---\n' : ''}${toGoYaml(obj)}`;
    },
  };
}

export function jsonPrinter(): ObjectPrinter {
  return { print: (obj) => `${goJsonMarshalIndent(obj)}\n` };
}

/** Parses a jsonpath template up front, failing like JSONPathPrintFlags.ToPrinter. */
export function jsonPathPrinter(template: string, asJson: boolean, allowMissingKeys = true): ObjectPrinter {
  let jp: JsonPath;
  try {
    jp = new JsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw fail(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  jp.allowMissingKeys = allowMissingKeys;
  jp.outputJson = asJson;
  return {
    print(obj) {
      try {
        return jp.execute(obj);
      } catch (e) {
        if (!(e instanceof JsonPathEvalError)) throw e;
        const buf = `Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`;
        throw fail(`error executing jsonpath "${template}": ${buf}\n`);
      }
    },
  };
}

/** `RelaxedJSONPathExpression`: `metadata.name`, `.metadata.name`, `{metadata.name}` become `{.metadata.name}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw fail("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** CustomColumnsPrinter: one header (unless --no-headers), a row per item, `<none>` for missing values. */
export function customColumnsPrinter(spec: string, noHeaders: boolean): ObjectPrinter {
  const columns = spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw fail(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const jp = new JsonPath(relaxedJsonPath(part.slice(i + 1)));
    jp.allowMissingKeys = true;
    return { header: part.slice(0, i), jp };
  });
  let printedHeader = false;
  return {
    print(obj) {
      let out = '';
      const w = new TabWriter((s) => {
        out += s;
      }, tableWriterOptions);
      if (!noHeaders && !printedHeader) {
        w.write(`${columns.map((c) => c.header).join('\t')}\n`);
        printedHeader = true;
      }
      const items = Array.isArray(obj.items) ? (obj.items as unknown[]) : [obj];
      for (const item of items) {
        const cells = columns.map((c) => {
          const values = c.jp.findResults(item);
          if (values.length === 0 || values[0].length === 0) return '<none>';
          return values.flatMap((vs) => vs.map((v) => escapeTerminal(goSprint(v)))).join(',');
        });
        w.write(`${cells.join('\t')}\n`);
      }
      w.flush();
      return out;
    },
  };
}

/** The object printer for a non-table format. */
export function objectPrinterFor(format: Exclude<OutputFormat, { type: 'human' }>, noHeaders: boolean, operation = ''): ObjectPrinter {
  switch (format.type) {
    case 'yaml':
      return yamlPrinter();
    case 'json':
      return jsonPrinter();
    case 'name':
      return namePrinter(operation);
    case 'jsonpath':
      return jsonPathPrinter(format.template, format.asJson, format.allowMissingKeys);
    case 'go-template':
      return goTemplatePrinter(format.template, format.allowMissingKeys);
    case 'custom-columns':
      return customColumnsPrinter(format.spec, noHeaders);
  }
}

/**
 * A printer's error as a KubeError, after writing what it printed before failing (GoTemplatePrinter writes its
 * partial output and debugging help to stdout); undefined when it printed everything.
 */
export function printObject(out: Output | ((text: string) => void), printer: ObjectPrinter, obj: Record<string, unknown>): KubeError | undefined {
  const write = typeof out === 'function' ? out : (text: string) => out.out(text);
  try {
    write(printer.print(obj));
    return undefined;
  } catch (e) {
    if (!(e instanceof PartialOutputError)) throw e;
    write(e.stdout);
    return e.error;
  }
}

/** printObject, failing the command on a printer error. */
export function printObjectOrFail(out: Output | ((text: string) => void), printer: ObjectPrinter, obj: Record<string, unknown>): void {
  const err = printObject(out, printer, obj);
  if (err) throw new CommandError(err);
}
