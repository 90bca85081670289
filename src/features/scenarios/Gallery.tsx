/**
 * The first screen for a new visitor: the built-in scenarios as cards (title, one-line description, level,
 * steps, progress) with "Open the empty playground" beside them. A link that could not be opened says why here.
 */
import { useEffect } from 'react';
import { testIds } from '../../testids';
import { loadCatalog, openPlayground, openScenario } from './scenarioActions';
import { loadScenarioStep } from './scenarioProgressStorage';
import { pick, type ScenarioUiState, useScenarioStore } from './scenarioStore';
import { useLang, useT } from '../../i18n/languageStore';
import type { MessageKey } from '../../i18n/translate';
import { LanguageSwitch } from '../language/LanguageSwitch';

const selectCatalog = (s: ScenarioUiState) => s.catalog;
const selectMessage = (s: ScenarioUiState) => s.galleryMessage;
const selectBusy = (s: ScenarioUiState) => s.busy;

const levelKeys: Record<string, MessageKey> = {
  beginner: 'gallery.level.beginner',
  intermediate: 'gallery.level.intermediate',
  advanced: 'gallery.level.advanced',
};

export function Gallery() {
  const catalog = useScenarioStore(selectCatalog);
  const message = useScenarioStore(selectMessage);
  const lang = useLang();
  const t = useT();
  const busy = useScenarioStore(selectBusy);
  useEffect(() => {
    if (!catalog) void loadCatalog();
  }, [catalog]);
  return (
    <section className="gallery" data-testid={testIds.gallery} aria-labelledby="gallery-heading">
      <header className="gallery-head">
        <h1 id="gallery-heading">{t('gallery.title')}</h1>
        <LanguageSwitch testId={testIds.scenarioLang} />
        <button type="button" className="gallery-playground" data-testid={testIds.openPlayground} onClick={openPlayground}>
          {t('gallery.openPlayground')}
        </button>
      </header>
      {message && (
        <p className="gallery-message" role="alert" data-testid={testIds.galleryMessage}>
          {message}
        </p>
      )}
      {!catalog && <p>{t('common.loading')}</p>}
      <ul className="gallery-cards">
        {catalog?.map((c) => {
          const reached = loadScenarioStep(c.name);
          return (
            <li key={c.name}>
              <button type="button" className="scenario-card" data-testid={testIds.scenarioCard} data-scenario={c.name} disabled={busy} onClick={() => void openScenario({ name: c.name }, reached ?? 0)}>
                <span className="scenario-card-title">{pick(c.title, lang)}</span>
                <span className="scenario-card-description">{pick(c.description, lang)}</span>
                <span className="scenario-card-meta">
                  {c.level in levelKeys ? t(levelKeys[c.level]) : c.level} · {t('gallery.steps', { count: c.steps })}
                  {reached ? t('gallery.atStep', { step: reached + 1 }) : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
