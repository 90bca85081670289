import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { readyToRender, startApp } from './app/startApp';
import { SessionContext } from './app/useSession';
import type { Session } from './app/session';
import { forwardToEmbed } from './app/embedRedirect';
import './app/styles.css';

// `?embed=1` goes to the embed page before anything starts here
const embedded = forwardToEmbed();
// before the first render: the simulation worker loads and builds the cluster while React renders the shell.
// startApp picks the language first, so its catalog is on its way before anything else; nothing renders
// until it is there (one round trip, overlapping the worker's load)
const session = embedded ? undefined : startApp();
const root = document.getElementById('root');
if (root && session) {
  void readyToRender(session).then(() => renderApp(root, session));
}

function renderApp(root: HTMLElement, session: Session): void {
  createRoot(root).render(
    <StrictMode>
      <SessionContext value={session}>
        <App />
      </SessionContext>
    </StrictMode>,
  );
}
