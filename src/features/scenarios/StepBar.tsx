/**
 * The open scenario's step bar: previous / next, a jump list, "Run this step" (or type it yourself: the lines are
 * shown), the step's checks as ✓/✗, its narration and the transcript of what the action printed.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../state/store';
import type { AppState } from '../../state/store';
import { testIds } from '../../testids';
import { LanguageSwitch } from '../language/LanguageSwitch';
import { useLang, useT } from '../../i18n/languageStore';
import { Narration } from './Narration';
import { StepChecks } from './StepChecks';
import { closeScenario, gotoStep, recheck, runThisStep, showGallery } from './scenarioActions';
import { pick, type ScenarioUiState, useScenarioStore } from './scenarioStore';
import { ScrollablePre } from '../../components/ScrollablePre';

const selectOpen = (s: ScenarioUiState) => s.open;
const selectProgress = (s: ScenarioUiState) => s.progress;

const selectBusy = (s: ScenarioUiState) => s.busy;
// the per-kind change counters: a new object whenever any mirrored kind changed (resourceVersion alone is not
// enough: after a new cluster replaces the old one it can stay below the old cluster's last version for a while)
const selectVersions = (s: AppState) => s.mirror.versions;

/** While a step waits for the learner, its checks follow the cluster (the learner may type the step themselves). */
export function useRecheckOnChange(active: boolean): void {
  const versions = useAppStore(selectVersions);
  useEffect(() => {
    // `versions` is what this effect follows: every change of the cluster re-runs it
    if (!active || !versions || useScenarioStore.getState().busy) return;
    const id = setTimeout(() => void recheck(), 250);
    return () => clearTimeout(id);
  }, [active, versions]);
}

export function StepBar() {
  const open = useScenarioStore(selectOpen);
  const progress = useScenarioStore(selectProgress);
  const lang = useLang();
  const t = useT();
  const busy = useScenarioStore(selectBusy);
  const step = open && progress ? open.stepList[progress.step] : undefined;
  useRecheckOnChange(!!step && !!progress && !progress.ran[progress.step] && step.checks > 0);
  if (!open || !progress || !step) return null;

  const last = open.stepList.length - 1;
  const ran = progress.ran[progress.step];
  return (
    <section className="step-bar" data-testid={testIds.stepBar} aria-label={t('step.label')}>
      <div className="step-bar-head">
        <strong className="step-bar-scenario">{pick(open.title, lang)}</strong>
        <button type="button" data-testid={testIds.stepPrevious} disabled={busy || progress.step === 0} onClick={() => void gotoStep(progress.step - 1)}>
          ◀ {t('step.previous')}
        </button>
        <select
          aria-label={t('step.jump')}
          data-testid={testIds.stepJump}
          value={progress.step}
          disabled={busy}
          onChange={(e) => void gotoStep(Number(e.currentTarget.value))}
        >
          {open.stepList.map((s) => {
            const i = open.stepList.indexOf(s);
            return (
              <option key={`step-${i}`} value={i}>
                {i + 1}. {pick(s.title, lang)}
              </option>
            );
          })}
        </select>
        <button type="button" data-testid={testIds.stepNext} disabled={busy || progress.step === last} onClick={() => void gotoStep(progress.step + 1)}>
          {t('step.next')} ▶
        </button>
        <LanguageSwitch testId={testIds.scenarioLang} />
        <button type="button" onClick={() => showGallery()} title={t('step.backTitle')}>
          {t('step.back')}
        </button>
        <button type="button" data-testid={testIds.stepClose} aria-label={t('step.close')} onClick={closeScenario}>
          ×
        </button>
      </div>
      <div className="step-bar-body">
        <div className="step-bar-text">
          <h2 data-testid={testIds.stepTitle}>
            {t('step.heading', { n: progress.step + 1, total: last + 1 })}
            {pick(step.title, lang)}
          </h2>
          <div data-testid={testIds.stepNarration}>
            <Narration markdown={pick(step.narration, lang)} />
          </div>
          {step.action && (
            <div className="step-action">
              <button type="button" data-testid={testIds.stepRun} disabled={busy || ran} onClick={() => void runThisStep()}>
                {ran ? t('step.done') : t('step.run')}
              </button>
              {step.action.typed.length > 0 && !ran && <span className="step-or">{t('step.orType')}</span>}
              <pre className="step-command">{step.action.summary}</pre>
            </div>
          )}
        </div>
        <div className="step-bar-side">
          <StepChecks checks={progress.checks} ran={ran} className="step-checks" showFound />
          {progress.transcript && (
            <ScrollablePre className="step-transcript" data-testid={testIds.stepTranscript}>
              {progress.transcript}
            </ScrollablePre>
          )}
        </div>
      </div>
    </section>
  );
}
