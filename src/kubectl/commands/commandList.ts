/**
 * The verbs this emulator implements, and the names of every kubectl 1.34 verb (for cobra's "Did you mean
 * this?" suggestions and for an honest message when a real verb is not simulated yet).
 */
import type { KubectlCommand } from '../cli/command';
import { annotateCommand } from './annotate';
import { authCommand } from './auth/auth';
import { applyCommand } from './apply';
import { attachCommand } from './attach';
import { apiResourcesCommand, clusterInfoCommand, versionCommand } from './clusterCommands';
import { configCommand } from './config/config';
import { cordonCommand, uncordonCommand } from './cordon';
import { createCommand } from './create';
import { debugCommand } from './debug';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { editCommand } from './edit';
import { eventsCommand } from './events';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { labelCommand } from './label';
import { logsCommand } from './logs';
import { patchCommand } from './patch';
import { portForwardCommand } from './portForward';
import { rolloutCommand } from './rollout/rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { topCommand } from './top';
import { waitCommand } from './wait';

/** Implemented verbs, one module each. */
export const commands: readonly KubectlCommand[] = [
  getCommand,
  describeCommand,
  runCommand,
  exposeCommand,
  deleteCommand,
  labelCommand,
  execCommand,
  attachCommand,
  debugCommand,
  editCommand,
  applyCommand,
  createCommand,
  versionCommand,
  clusterInfoCommand,
  apiResourcesCommand,
  scaleCommand,
  cordonCommand,
  uncordonCommand,
  annotateCommand,
  patchCommand,
  setCommand,
  rolloutCommand,
  waitCommand,
  drainCommand,
  portForwardCommand,
  logsCommand,
  eventsCommand,
  explainCommand,
  topCommand,
  configCommand,
  authCommand,
];

/** Every top-level kubectl 1.34 command, with cobra's SuggestFor words. */
export const kubectlVerbs: readonly { name: string; suggestFor?: readonly string[] }[] = [
  { name: 'annotate' },
  { name: 'api-resources' },
  { name: 'api-versions' },
  { name: 'apply' },
  { name: 'attach' },
  { name: 'auth' },
  { name: 'autoscale' },
  { name: 'certificate' },
  { name: 'cluster-info' },
  { name: 'completion' },
  { name: 'config' },
  { name: 'cordon' },
  { name: 'cp' },
  { name: 'create' },
  { name: 'debug' },
  { name: 'delete', suggestFor: ['rm'] },
  { name: 'describe' },
  { name: 'diff' },
  { name: 'drain' },
  { name: 'edit' },
  { name: 'events' },
  { name: 'exec' },
  { name: 'explain' },
  { name: 'expose' },
  { name: 'get', suggestFor: ['list', 'ps'] },
  { name: 'help' },
  { name: 'kustomize' },
  { name: 'label' },
  { name: 'logs' },
  { name: 'options' },
  { name: 'patch' },
  { name: 'plugin' },
  { name: 'port-forward' },
  { name: 'proxy' },
  { name: 'replace' },
  { name: 'rollout' },
  { name: 'run' },
  { name: 'scale' },
  { name: 'set' },
  { name: 'taint' },
  { name: 'top' },
  { name: 'uncordon' },
  { name: 'version' },
  { name: 'wait' },
];
