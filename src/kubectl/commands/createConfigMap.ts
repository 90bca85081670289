/**
 * `kubectl create configmap NAME` (alias `cm`; kubernetes/kubectl v0.34.0 `pkg/cmd/create/create_configmap.go`):
 * keys from `--from-file=[key=]path`, then `--from-literal=key=value`, then `--from-env-file=path` (which may not
 * be combined with the other two), each a valid config key given once across data and binaryData.
 * `--append-hash` appends `hash.ConfigMapHash` to the name. Prints `configmap/NAME created`; a server error is
 * `failed to create configmap: <message>`.
 *
 * kubectl files a file that is not valid UTF-8 under binaryData; readFile hands over text (see dataSources.ts),
 * so every file lands in data here.
 */
import type { ConfigMap } from '../../engine/api/types';
import { goQuote } from '../../shared/goQuote';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { fail } from '../cli/errors';
import { createGenerated, generatorFlags, generatorSettings } from './createGenerated';
import { nameFrom } from './createSubcommands';
import { addFromEnvFile, dataSourceFlags, configMapKeyErrors, parseFileSource, parseLiteralSource, readSourceFile } from './dataSources';
import { configMapHash } from './nameHash';

/** `validateNewConfigMap` + `addKeyFromLiteralToConfigMap`: a valid config key, in neither map yet. */
function addKey(name: string, data: Record<string, string>, key: string, value: string): void {
  const errs = configMapKeyErrors(key);
  if (errs.length > 0) throw fail(`${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
  if (key in data) throw fail(`cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`);
  data[key] = value;
}

function runCreateConfigMap(env: CommandEnv): undefined {
  const name = nameFrom(env);
  const settings = generatorSettings(env);
  if (name.length === 0) throw fail('name must be specified');
  const { files, literals, envFiles } = dataSourceFlags(env);
  const data: Record<string, string> = {};
  for (const source of files) {
    const { key, path } = parseFileSource(source);
    addKey(name, data, key, readSourceFile(env, path));
  }
  for (const literal of literals) {
    const { key, value } = parseLiteralSource(literal);
    addKey(name, data, key, value);
  }
  for (const path of envFiles) addFromEnvFile(env, path, (key, value) => addKey(name, data, key, value));
  // the hash sees the data map even when empty (`"data":{}`); the printed object omits it, as omitempty does
  const finalName = env.flags.bool('append-hash') ? `${name}-${configMapHash({ metadata: { name }, data })}` : name;
  const cm: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: finalName, ...(env.explicitNamespace ? { namespace: env.namespace } : {}) },
    ...(Object.keys(data).length > 0 ? { data } : {}),
  };
  createGenerated(env, 'ConfigMap', cm, settings, 'failed to create configmap: ');
  return undefined;
}

export const createConfigMapCommand: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  use: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  flags: [
    ...generatorFlags,
    { name: 'from-file', type: 'stringSlice' },
    { name: 'from-literal', type: 'stringArray' },
    { name: 'from-env-file', type: 'stringSlice' },
    { name: 'append-hash', type: 'bool' },
  ],
  run: runCreateConfigMap,
};
