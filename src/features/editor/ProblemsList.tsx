/** The readable list of problems under the editor: YAML syntax, schema and apiserver errors, with their lines. */
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';

const selectProblems = (s: AppState) => s.problems;
const selectLastApply = (s: AppState) => s.lastApply;

export function ProblemsList({ onJump }: { onJump(line: number, column: number): void }) {
  const problems = useAppStore(selectProblems);
  const lastApply = useAppStore(selectLastApply);
  const applied = lastApply.filter((i) => i.result);
  return (
    <div className="problems" data-testid={testIds.problems} aria-live="polite">
      {problems.length === 0 && applied.length === 0 && <div className="problems-empty">No problems. Ctrl+Enter applies the manifests.</div>}
      <ul>
        {problems.map((p) => (
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
        {applied.map((i) => (
          <li key={`ok-${i.document}`} className="problem problem-ok">
            <span className="problem-message">
              {i.object} {i.result}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
