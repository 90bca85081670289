/**
 * The embed entry (`embed.html`): a page of its own so a slide fetches neither the playground's editor, docks,
 * gallery and persistence nor Monaco; its first graph needs React, the canvas and the simulation worker.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseEmbedParams } from '../features/embed/embedParams';
import { EmbedApp } from './EmbedApp';
import { languageReady } from '../i18n/languageStore';
import { type EmbedStatus, startEmbed } from './startEmbed';
import './styles.css';

const params = parseEmbedParams(window.location.search);
const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // nothing renders before the language's catalog is there: startEmbed picks the language first (its catalog's
  // import starts before anything else), and statuses reported meanwhile wait; the latest one renders
  let latest: EmbedStatus = { started: false, visible: false };
  let ready = false;
  const render = (status: EmbedStatus) => {
    latest = status;
    if (!ready) return;
    root.render(
      <StrictMode>
        <EmbedApp params={params} status={latest} />
      </StrictMode>,
    );
  };
  startEmbed(params, element, render);
  void languageReady().then(() => {
    ready = true;
    render(latest);
  });
}
