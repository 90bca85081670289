/**
 * The `-o` printers besides tables (cli-runtime `pkg/printers` and kubectl `pkg/cmd/get`): yaml (objects
 * separated by `---`), json (4-space MarshalIndent), name (`kind[.group]/name [operation]`), jsonpath,
 * jsonpath-as-json and custom-columns. `parseOutputFormat` mirrors PrintFlags.ToPrinter's format matching and
 * its `unable to match a printer suitable for the output format` error.
 */
import { fail } from '../cli/errors';
import { goSyntax, goSprint } from '../../shared/goFmt';
import { goJsonMarshalIndent } from '../../shared/goJson';
import { toGoYaml } from './goYaml';
import { escapeTerminal } from './humanReadablePrinter';
import { JsonPath, JsonPathEvalError } from './jsonpath/jsonpath';
import { JsonPathSyntaxError } from './jsonpath/jsonpathParser';
import { TabWriter, tableWriterOptions } from './tabWriter';

export type OutputFormat =
  | { type: 'human'; wide: boolean }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'name' }
  | { type: 'jsonpath'; template: string; asJson: boolean }
  | { type: 'custom-columns'; spec: string };

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

/** Interprets `-o`; `allowed` is the command's list for the error message. */
export function parseOutputFormat(output: string, allowed: readonly string[], humanAllowed: boolean): OutputFormat {
  if (output === '' && humanAllowed) return { type: 'human', wide: false };
  if (output === 'wide' && humanAllowed) return { type: 'human', wide: true };
  if (output === 'yaml') return { type: 'yaml' };
  if (output === 'json') return { type: 'json' };
  if (output === 'name') return { type: 'name' };
  for (const f of ['jsonpath', 'jsonpath-as-json'] as const) {
    if (output === f || output.startsWith(`${f}=`)) {
      const template = output.slice(f.length + 1);
      if (!template) throw fail('template format specified but no template given');
      return { type: 'jsonpath', template, asJson: f === 'jsonpath-as-json' };
    }
  }
  if (humanAllowed && (output === 'custom-columns' || output.startsWith('custom-columns='))) {
    const spec = output.slice('custom-columns='.length);
    if (!spec) throw fail('custom-columns format specified but no custom columns given');
    return { type: 'custom-columns', spec };
  }
  const known = allowed.find((f) => output === f || output.startsWith(`${f}=`));
  if (known) throw fail(`-o ${known} is not simulated yet; use -o yaml, json, name, jsonpath or custom-columns`);
  throw fail(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${[...allowed].sort().join(',')}`);
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
export function jsonPathPrinter(template: string, asJson: boolean): ObjectPrinter {
  let jp: JsonPath;
  try {
    jp = new JsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) throw fail(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  jp.allowMissingKeys = true;
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
      return jsonPathPrinter(format.template, format.asJson);
    case 'custom-columns':
      return customColumnsPrinter(format.spec, noHeaders);
  }
}
