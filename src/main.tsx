import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/startApp';
import { SessionContext } from './app/useSession';
import { forwardToEmbed } from './app/embedRedirect';
import './app/styles.css';

// `?embed=1` goes to the embed page before anything starts here
const embedded = forwardToEmbed();
// before the first render: the simulation worker loads and builds the cluster while React renders the shell
const session = embedded ? undefined : startApp();
const root = document.getElementById('root');
if (root && session) {
  createRoot(root).render(
    <StrictMode>
      <SessionContext value={session}>
        <App />
      </SessionContext>
    </StrictMode>,
  );
}
