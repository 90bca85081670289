/**
 * The step bar of an embedded scenario: one line (previous, "Step n of m: title", next, run), the step's checks
 * and, on request, its narration. Compact, because a slide is small; no gallery, language or close buttons,
 * because a frame belongs to its deck.
 */
import { useState } from 'react';
import { testIds } from '../../testids';
import { Narration } from '../scenarios/Narration';
import { StepChecks } from '../scenarios/StepChecks';
import { gotoStep, runThisStep } from '../scenarios/scenarioActions';
import { pick, type ScenarioUiState, useScenarioStore } from '../scenarios/scenarioStore';
import { useLang, useT } from '../../i18n/languageStore';
import { ScrollablePre } from '../../components/ScrollablePre';

const selectOpen = (s: ScenarioUiState) => s.open;
const selectProgress = (s: ScenarioUiState) => s.progress;

const selectBusy = (s: ScenarioUiState) => s.busy;

export function EmbedStepBar() {
  const open = useScenarioStore(selectOpen);
  const progress = useScenarioStore(selectProgress);
  const lang = useLang();
  const t = useT();
  const busy = useScenarioStore(selectBusy);
  const [notes, setNotes] = useState(false);
  const step = open && progress ? open.stepList[progress.step] : undefined;
  if (!open || !progress || !step) return null;

  const last = open.stepList.length - 1;
  const ran = progress.ran[progress.step];
  return (
    <section className="embed-step-bar" data-testid={testIds.embedStepBar} aria-label={t('step.label')}>
      <div className="embed-step-head">
        <button type="button" data-testid={testIds.stepPrevious} aria-label={t('step.previousStep')} disabled={busy || progress.step === 0} onClick={() => void gotoStep(progress.step - 1)}>
          ◀
        </button>
        <button type="button" data-testid={testIds.stepNext} aria-label={t('step.nextStep')} disabled={busy || progress.step === last} onClick={() => void gotoStep(progress.step + 1)}>
          ▶
        </button>
        <h2 data-testid={testIds.stepTitle} title={pick(open.title, lang)}>
          {t('step.heading', { n: progress.step + 1, total: last + 1 })}
          {pick(step.title, lang)}
        </h2>
        {step.action && (
          <button type="button" data-testid={testIds.stepRun} disabled={busy || ran} title={step.action.summary} onClick={() => void runThisStep()}>
            {ran ? t('step.done') : t('step.runShort')}
          </button>
        )}
        <button type="button" aria-expanded={notes} onClick={() => setNotes(!notes)}>
          {t('step.notes')}
        </button>
      </div>
      <StepChecks checks={progress.checks} ran={ran} className="embed-step-checks" showFound={false} />
      {notes && (
        <div className="embed-step-notes" data-testid={testIds.stepNarration}>
          <Narration markdown={pick(step.narration, lang)} />
          {step.action && <pre className="step-command">{step.action.summary}</pre>}
          {progress.transcript && (
            <ScrollablePre className="step-transcript" data-testid={testIds.stepTranscript}>
              {progress.transcript}
            </ScrollablePre>
          )}
        </div>
      )}
    </section>
  );
}
