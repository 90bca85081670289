/**
 * The readable list of problems under the editor: YAML syntax, schema and apiserver errors, with their lines,
 * then what the last Apply did (each object for a small apply, counts for a big one). The list shows at most
 * `shownProblemsLimit` problems, so a 10,000-document apply cannot flood the page.
 */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { applyCounts, listedApplyLimit } from './applySummary';
import { useT } from '../../i18n/languageStore';

const shownProblemsLimit = 200;

const selectProblems = (s: AppState) => s.problems;
const selectLastApply = (s: AppState) => s.lastApply;

export function ProblemsList({ onJump }: { onJump(line: number, column: number): void }) {
  const problems = useAppStore(selectProblems);
  const lastApply = useAppStore(selectLastApply);
  const t = useT();
  const applied = lastApply.filter((i) => i.result);
  const listed = lastApply.length <= listedApplyLimit;
  const shown = problems.length > shownProblemsLimit ? problems.slice(0, shownProblemsLimit) : problems;
  return (
    <div className="problems" data-testid={testIds.problems} aria-live="polite">
      {problems.length === 0 && applied.length === 0 && <div className="problems-empty">{t('problems.none')}</div>}
      <ul>
        {shown.map((p) => (
          <li key={`${p.source}-${p.line}-${p.column}-${p.message}`} className={`problem problem-${p.severity}`}>
            <button type="button" onClick={() => onJump(p.line, p.column)}>
              <span className="problem-pos">
                {p.line}:{p.column}
              </span>
              <span className="problem-source">{p.source}</span>
              <span className="problem-message">{p.message}</span>
            </button>
          </li>
        ))}
        {shown.length < problems.length && (
          <li className="problem problem-more">
            <span className="problem-message">{t('problems.more', { count: (problems.length - shown.length).toLocaleString('en-US') })}</span>
          </li>
        )}
        {listed
          ? applied.map((i) => (
              <li key={`ok-${i.document}`} className="problem problem-ok">
                <span className="problem-message">
                  {i.object} {i.result}
                </span>
              </li>
            ))
          : applied.length > 0 && (
              <li className="problem problem-ok">
                <span className="problem-message">
                  {t('problems.objects', { count: lastApply.length.toLocaleString('en-US'), counts: applyCounts(lastApply).join(', ') })}

                </span>
              </li>
            )}
      </ul>
    </div>
  );
}
