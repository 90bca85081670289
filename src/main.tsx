import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startApp } from './app/startApp';
import { SessionContext } from './app/useSession';
import './app/styles.css';

// before the first render: the simulation worker loads and builds the cluster while React renders the shell
const session = startApp();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SessionContext value={session}>
        <App />
      </SessionContext>
    </StrictMode>,
  );
}
