/** The first graphs, computed at build time by vite.config.ts from src/worker/firstGraph.ts. */
declare module 'virtual:svcsim-first-graph' {
  const firstGraph: import('./firstGraphFront').FirstGraph;
  export default firstGraph;
}

declare module 'virtual:svcsim-openings' {
  export const startTime: number;
  export const seedCommands: readonly import('../protocol/messages').Command[];
  export const bareInit: import('./firstGraphFront').FirstGraphStep;
  export const scenarios: Readonly<Record<string, () => Promise<import('./firstGraphFront').FirstGraphStep>>>;
}
