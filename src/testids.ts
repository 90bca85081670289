/**
 * Test ids shared by the app and the Playwright journeys. React Flow adds its own `rf__node-<id>` and
 * `rf__edge-<id>` ids for graph elements (node ids: `node:<name>`, `pod:<ns>/<name>`, `svc:<ns>/<name>`;
 * edge ids: `ep:<ns>/<service>/<pod>`).
 */
export const testIds = {
  app: 'app',
  topology: 'topology',
  clock: 'clock',
  editor: 'editor',
  apply: 'apply',
  problems: 'problems',
  podDelete: 'pod-delete',
  advance: 'advance',
  notice: 'notice',
} as const;

export type TestId = (typeof testIds)[keyof typeof testIds];
