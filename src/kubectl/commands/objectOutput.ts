/**
 * Shared pieces of the write verbs (run, expose, label, create, apply, delete): the `--dry-run` flag
 * (`cmdutil.GetDryRunStrategy`), and printing the resulting object with the operation word
 * (`PrintFlagsWithDryRunStrategy` + NamePrinter: `pod/x created (dry run)`), or with `-o` when given.
 */
import type { KubeObject } from '../../engine';
import type { CommandEnv } from '../cli/command';
import { fail } from '../cli/errors';
import type { FlagSpec, FlagValues } from '../cli/flags';
import { type OutputFormat, objectAllowedFormats, objectPrinterFor, outputFlagValue, parseOutputFormat, printObjectOrFail, templateFlags } from '../printers/outputPrinters';

export type DryRun = 'none' | 'client' | 'server';

export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged' };
export const outputFlag: FlagSpec = { name: 'output', shorthand: 'o', type: 'string' };

/** The flags PrintFlags.AddFlags adds besides `-o` (JSONYamlPrintFlags, KubeTemplatePrintFlags). */
export const printTemplateFlags: readonly FlagSpec[] = [
  { name: 'template', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
  { name: 'show-managed-fields', type: 'bool' },
];

/** `-o` with the rest of PrintFlags. */
export const printFlags: readonly FlagSpec[] = [outputFlag, ...printTemplateFlags];

/** cmdutil.GetDryRunStrategy */
export function dryRunStrategy(flags: FlagValues): DryRun {
  const v = flags.string('dry-run') || 'none';
  const asBool = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v) ? false : undefined;
  if (asBool === true) throw fail(`--dry-run=${v} is no longer supported (must be "none", "server", or "client")`);
  if (asBool === false) return 'none';
  if (v === 'unchanged') throw fail('--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".');
  if (v === 'client' || v === 'server' || v === 'none') return v;
  throw fail(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The `-o` format of a write verb (or `--template` alone: go-template); undefined for the default name output. */
export function writeOutputFormat(env: CommandEnv): Exclude<OutputFormat, { type: 'human' }> | undefined {
  const o = outputFlagValue(env);
  if (o === '') return undefined;
  return parseOutputFormat(o, objectAllowedFormats, false, templateFlags(env)) as Exclude<OutputFormat, { type: 'human' }>;
}

/** Prints `kind/name <operation>[ (dry run)]`, or the object in the `-o` format. */
export function printResult(env: CommandEnv, obj: KubeObject, operation: string, dryRun: DryRun, format = writeOutputFormat(env)): void {
  let op = operation;
  if (dryRun === 'client') op += ' (dry run)';
  else if (dryRun === 'server') op += ' (server dry run)';
  const printer = objectPrinterFor(format ?? { type: 'name' }, false, op);
  printObjectOrFail(env.out, printer, obj as unknown as Record<string, unknown>);
}

/** `generate.ParseLabels` / expose's parseLabels: `k=v,k2=v2`. */
export function parseLabelSpec(spec: string): Record<string, string> {
  if (spec.length === 0) throw fail('no label spec passed');
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw fail(`unexpected label spec: ${part}`);
    if (kv[0].length === 0) throw fail('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** strconv.Atoi with Go's error text. */
export function atoi(s: string): number {
  if (!/^[-+]?[0-9]+$/.test(s)) throw fail(`strconv.Atoi: parsing "${s}": invalid syntax`);
  return Number(s);
}
