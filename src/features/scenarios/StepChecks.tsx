/**
 * A step's checks as ✓/✗ lines, in the reader's language: the one list the step bar and the embedded step bar
 * both show. Before the step is done a check that does not hold yet is a to-do (○), not a failure (✗).
 */
import type { ScenarioProgress } from '../../protocol/messages';
import { useLang, useT } from '../../i18n/languageStore';
import { testIds } from '../../testids';
import { checkText } from './checkText';

export function StepChecks({ checks, ran, className, showFound }: { checks: ScenarioProgress['checks']; ran: boolean; className: string; showFound: boolean }) {
  const lang = useLang();
  const t = useT();
  if (checks.length === 0) return null;
  return (
    <ul className={className} aria-label={t('step.checks')}>
      {checks.map((c) => {
        const actual = checkText(c.phrases.actual, lang);
        return (
          <li
            key={c.expected}
            data-testid={testIds.stepCheck}
            data-ok={c.ok}
            className={c.ok ? 'check-ok' : ran ? 'check-failed' : 'check-pending'}
            title={c.ok ? undefined : t('step.found', { actual })}
          >
            <span aria-hidden="true">{c.ok ? '✓' : ran ? '✗' : '○'}</span> {checkText(c.phrases.expected, lang)}
            {showFound && !c.ok && ran && <span className="check-actual"> ({actual})</span>}
          </li>
        );
      })}
    </ul>
  );
}
