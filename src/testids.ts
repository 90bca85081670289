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
  play: 'play',
  step: 'step',
  theme: 'theme',
  dockTab: 'dock-tab',
  inspector: 'inspector',
  events: 'events',
  labelChip: 'label-chip',
  labelAdd: 'label-add',
  readyToggle: 'ready-toggle',
  noReadinessProbe: 'no-readiness-probe',
  addReadinessProbe: 'add-readiness-probe',
  podDeleteNow: 'pod-delete-now',
  editObject: 'edit-object',
  scale: 'scale',
  rolloutImage: 'rollout-image',
  cordon: 'cordon',
  nodePower: 'node-power',
  nodeStatus: 'node-status',
  nodeTaints: 'node-taints',
  endpointsList: 'endpoints-list',
  objectYaml: 'object-yaml',
  notice: 'notice',
  storageBanner: 'storage-banner',
  takeOver: 'take-over',
  keepWithoutSaving: 'keep-without-saving',
  retrySaving: 'retry-saving',
  exportSession: 'export-session',
  importSession: 'import-session',
  importSessionFile: 'import-session-file',
  workProgress: 'work-progress',
  workStop: 'work-stop',
} as const;

export type TestId = (typeof testIds)[keyof typeof testIds];
