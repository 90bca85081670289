/** The first graph, computed at build time by vite.config.ts from src/worker/firstGraph.ts. */
declare module 'virtual:svcsim-first-graph' {
  const firstGraph: import('./firstGraphFront').FirstGraph;
  export default firstGraph;
}
