/**
 * The first screen for a new visitor: the built-in scenarios as cards (title, one-line description, level,
 * steps, progress) with "Open the empty playground" beside them. A link that could not be opened says why here.
 */
import { useEffect } from 'react';
import { testIds } from '../../testids';
import { loadCatalog, openPlayground, openScenario } from './scenarioActions';
import { loadScenarioStep } from './scenarioProgressStorage';
import { pick, type ScenarioLang, type ScenarioUiState, useScenarioStore } from './scenarioStore';

const selectCatalog = (s: ScenarioUiState) => s.catalog;
const selectMessage = (s: ScenarioUiState) => s.galleryMessage;
const selectLang = (s: ScenarioUiState) => s.lang;
const selectBusy = (s: ScenarioUiState) => s.busy;

const levelText: Record<ScenarioLang, Record<string, string>> = {
  en: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  'zh-TW': { beginner: '入門', intermediate: '中級', advanced: '進階' },
};

export function LanguageSwitch() {
  const lang = useScenarioStore(selectLang);
  return (
    <select aria-label="Scenario language" data-testid={testIds.scenarioLang} value={lang} onChange={(e) => useScenarioStore.setState({ lang: e.currentTarget.value as ScenarioLang })}>
      <option value="en">English</option>
      <option value="zh-TW">繁體中文</option>
    </select>
  );
}

export function Gallery() {
  const catalog = useScenarioStore(selectCatalog);
  const message = useScenarioStore(selectMessage);
  const lang = useScenarioStore(selectLang);
  const busy = useScenarioStore(selectBusy);
  useEffect(() => {
    if (!catalog) void loadCatalog();
  }, [catalog]);
  return (
    <section className="gallery" data-testid={testIds.gallery} aria-labelledby="gallery-heading">
      <header className="gallery-head">
        <h1 id="gallery-heading">{lang === 'zh-TW' ? '情境' : 'Scenarios'}</h1>
        <LanguageSwitch />
        <button type="button" className="gallery-playground" data-testid={testIds.openPlayground} onClick={openPlayground}>
          {lang === 'zh-TW' ? '開啟空白的練習場' : 'Open the empty playground'}
        </button>
      </header>
      {message && (
        <p className="gallery-message" role="alert" data-testid={testIds.galleryMessage}>
          {message}
        </p>
      )}
      {!catalog && <p>{lang === 'zh-TW' ? '載入中…' : 'Loading…'}</p>}
      <ul className="gallery-cards">
        {catalog?.map((c) => {
          const reached = loadScenarioStep(c.name);
          return (
            <li key={c.name}>
              <button type="button" className="scenario-card" data-testid={testIds.scenarioCard} data-scenario={c.name} disabled={busy} onClick={() => void openScenario({ name: c.name }, reached ?? 0)}>
                <span className="scenario-card-title">{pick(c.title, lang)}</span>
                <span className="scenario-card-description">{pick(c.description, lang)}</span>
                <span className="scenario-card-meta">
                  {levelText[lang][c.level] ?? c.level} · {c.steps} {lang === 'zh-TW' ? '步' : 'steps'}
                  {reached ? ` · ${lang === 'zh-TW' ? `已到第 ${reached + 1} 步` : `at step ${reached + 1}`}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
