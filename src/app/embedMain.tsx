/**
 * The embed entry (`embed.html`): a page of its own so a slide fetches neither the playground's editor, docks,
 * gallery and persistence nor Monaco; its first graph needs React, the canvas and the simulation worker.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseEmbedParams } from '../features/embed/embedParams';
import { EmbedApp } from './EmbedApp';
import { type EmbedStatus, startEmbed } from './startEmbed';
import './styles.css';

const params = parseEmbedParams(window.location.search);
const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  const render = (status: EmbedStatus) =>
    root.render(
      <StrictMode>
        <EmbedApp params={params} status={status} />
      </StrictMode>,
    );
  render({ started: false, visible: false });
  startEmbed(params, element, render);
}
