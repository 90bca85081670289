/**
 * A marker of the editor's YAML checker (monaco-yaml) as a line in the problems list. The checker follows the
 * YAML spec, which forbids a key given twice; kubectl does not refuse it (its decoder keeps the last value, see
 * src/kubectl/manifests.ts), so that marker is listed as a warning that says what Apply will do.
 */
import type { EditorProblem } from '../../state/editorSlice';
import { t } from '../../i18n/languageStore';

export interface CheckerMarker {
  message: string;
  isError: boolean;
  line: number;
  column: number;
}

const duplicateKey = /^Map keys must be unique/;

export function schemaProblem(m: CheckerMarker): EditorProblem {
  const position = { line: m.line, column: m.column, source: 'schema' as const };
  if (duplicateKey.test(m.message)) return { ...position, severity: 'warning', message: t('problems.duplicateKey') };
  return { ...position, severity: m.isError ? 'error' : 'warning', message: m.message };
}
