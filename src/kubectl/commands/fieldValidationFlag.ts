/**
 * `--validate` (kubectl `pkg/cmd/util/helpers.go` AddValidateFlags / GetValidationDirective): which
 * `fieldValidation` kubectl asks the apiserver for. strict or true (the default) → Strict, warn → Warn,
 * ignore or false → Ignore; the server's answer to Warn is printed as client-go prints every `Warning` header.
 */
import type { FieldValidation } from '../../engine';
import type { CommandEnv } from '../cli/command';
import { fail } from '../cli/errors';
import type { FlagSpec } from '../cli/flags';

export const validateFlag: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' };

/** Go's strconv.ParseBool spellings. */
const goTrue = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const goFalse = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

export function validationDirective(env: CommandEnv): FieldValidation {
  const v = env.flags.string('validate') ?? 'strict';
  if (goTrue.includes(v)) return 'Strict';
  if (goFalse.includes(v)) return 'Ignore';
  if (v === 'strict') return 'Strict';
  if (v === 'warn') return 'Warn';
  if (v === 'ignore') return 'Ignore';
  throw fail(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** client-go's default warning handler: `Warning: <text>` on stderr, as each response arrives. */
export function printServerWarnings(env: CommandEnv, warnings: string[]): void {
  for (const w of warnings.splice(0)) env.out.err(`Warning: ${w}\n`);
}
