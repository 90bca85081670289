/**
 * `field.ErrorList.ToAggregate` drops errors whose text repeats, so kubectl never shows the same line twice
 * even when Go validation reports it twice (e.g. labels checked by both ValidateObjectMeta and
 * ValidateObjectMetaUpdate on a pod update).
 */
import { type FieldError, fieldErrorText } from '../fieldErrors';

/** The errors in order, without repeated texts. */
export function uniqueErrors(errs: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errs.filter((e) => {
    const text = fieldErrorText(e);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
