/**
 * kubectl's side of the worker: terminal sessions (the verbs, printers, describe, the shell) and completion.
 * The first graph needs none of it, so the worker entry loads this module on demand (a dynamic `import()`,
 * its own chunk) and hands it to its ClusterHost; Node callers (tests, benchmarks) import it directly.
 */
import { complete } from '../kubectl/completion';
import { exportForKind } from '../kubectl/export/realClusterExport';
import { ScenarioCommands, scenarioCatalog } from './scenarioCommands';
import { TerminalSessions } from './terminalSessions';

export interface TerminalParts {
  sessions: typeof TerminalSessions;
  complete: typeof complete;
  /** Scenarios run their steps through the same shell, so they load with it. */
  scenarios: typeof ScenarioCommands;
  scenarioCatalog: typeof scenarioCatalog;
  /** "Export for a real cluster" prints objects as kubectl does, so it comes with kubectl's printers. */
  realCluster: typeof exportForKind;
}

export const terminalParts: TerminalParts = { sessions: TerminalSessions, complete, scenarios: ScenarioCommands, scenarioCatalog, realCluster: exportForKind };
