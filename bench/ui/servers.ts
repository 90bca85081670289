/** `vite preview` servers for the two builds, each on a free localhost port, stopped when the run ends. */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { appOutDir, bareConfig, bareOutDir, repoRoot } from './builds';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))));
    });
  });
}

async function serve(configFile: string, outDir: string): Promise<{ url: string; server: PreviewServer }> {
  const port = await freePort();
  const server = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, server };
}

export interface Servers {
  appUrl: string;
  bareUrl: string;
  close(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  const app = await serve(join(repoRoot, 'vite.config.ts'), appOutDir);
  const bare = await serve(bareConfig, bareOutDir);
  return {
    appUrl: app.url,
    bareUrl: bare.url,
    close: async () => {
      await app.server.close();
      await bare.server.close();
    },
  };
}
