/**
 * kubectl's persistent flags (cli-runtime ConfigFlags and the root command in kubectl `pkg/cmd/cmd.go`). Only
 * `-n/--namespace` changes behaviour here; the connection flags are accepted and ignored because the simulated
 * cluster is the only server there is.
 */
import type { FlagSpec } from './flags';

const ignoredStrings = [
  'as',
  'as-uid',
  'cache-dir',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'cluster',
  'context',
  'kubeconfig',
  'kuberc',
  'log-flush-frequency',
  'password',
  'profile',
  'profile-output',
  'request-timeout',
  'tls-server-name',
  'token',
  'user',
  'username',
  'vmodule',
];

export const globalFlags: readonly FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'v', shorthand: 'v', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  ...ignoredStrings.map((name): FlagSpec => ({ name, type: 'string' })),
];
