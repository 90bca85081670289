/**
 * `kubectl create secret generic|tls|docker-registry NAME` (kubernetes/kubectl v0.34.0
 * `pkg/cmd/create/create_secret.go`, `create_secret_tls.go`, `create_secret_docker.go`): each builds a v1
 * Secret client-side and creates it, printing `secret/NAME created`.
 *
 * - generic: keys from `--from-literal=k=v`, then `--from-file=[k=]path`, then `--from-env-file=path` (which may
 *   not be combined with the other two); `--type` is sent as given (empty: the apiserver defaults it to Opaque).
 * - tls: `tls.crt` and `tls.key` from `--cert` and `--key`, checked as tls.X509KeyPair checks them (see
 *   tlsKeyPair.ts for what that covers); type `kubernetes.io/tls`.
 * - docker-registry: a `.dockerconfigjson` built from `--docker-server/-username/-password/-email`, or taken from
 *   `--from-file` (a path without a key is filed under `.dockerconfigjson`); type `kubernetes.io/dockerconfigjson`.
 *
 * `--append-hash` appends `hash.SecretHash` of the built Secret to its name. A server error is printed as
 * `failed to create secret <message>` (kubectl's own wording, no colon).
 */
import type { Secret } from '../../engine/api/types';
import { encodeBase64Text } from '../../shared/goBase64';
import { goJsonString } from '../../shared/goJson';
import { goQuote } from '../../shared/goQuote';
import type { CommandEnv, KubectlCommand } from '../cli/command';
import { fail } from '../cli/errors';
import { runCommandGroup } from '../cli/help';
import { createGenerated, generatorFlags, generatorSettings } from './createGenerated';
import { nameFrom } from './createSubcommands';
import { addFromEnvFile, dataSourceFlags, configMapKeyErrors, parseFileSource, parseLiteralSource, readSourceFile } from './dataSources';
import { secretHash } from './nameHash';
import { x509KeyPairError } from './tlsKeyPair';

/** The Secret's data being built: key → the value's base64 (how a []byte travels in JSON). */
type SecretData = Record<string, string>;

/** `addKeyFromLiteralToSecret`: a valid config key, not given before. */
function addKey(data: SecretData, key: string, value: string): void {
  const errs = configMapKeyErrors(key);
  if (errs.length > 0) throw fail(`${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (key in data) throw fail(`cannot add key ${key}, another key by that name already exists`);
  data[key] = encodeBase64Text(value);
}

/** `handleSecretFromFileSources`: each `[key=]path` source read whole under its key. */
function addFileSources(env: CommandEnv, data: SecretData, sources: readonly string[]): void {
  for (const source of sources) {
    const { key, path } = parseFileSource(source);
    addKey(data, key, readSourceFile(env, path));
  }
}

/**
 * `newSecretObj` with its data filled, then `--append-hash` (computed with the data map, empty or not, as Go holds
 * it); the printed object leaves an empty data map and an empty type out, as `omitempty` does.
 */
function buildSecret(env: CommandEnv, name: string, type: string, data: SecretData): Secret {
  let finalName = name;
  if (env.flags.bool('append-hash')) finalName = `${name}-${secretHash({ metadata: { name }, type, data })}`;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: finalName, ...(env.explicitNamespace ? { namespace: env.namespace } : {}) },
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(type ? { type } : {}),
  };
}

const failPrefix = 'failed to create secret ';

function runGeneric(env: CommandEnv): undefined {
  const name = nameFrom(env);
  const settings = generatorSettings(env);
  if (name.length === 0) throw fail('name must be specified');
  const { files, literals, envFiles } = dataSourceFlags(env);
  const data: SecretData = {};
  for (const literal of literals) {
    const { key, value } = parseLiteralSource(literal);
    addKey(data, key, value);
  }
  addFileSources(env, data, files);
  for (const path of envFiles) addFromEnvFile(env, path, (key, value) => addKey(data, key, value));
  createGenerated(env, 'Secret', buildSecret(env, name, env.flags.string('type'), data), settings, failPrefix);
  return undefined;
}

/** create_secret_tls.go `readFile`: os.ReadFile's error is an *fs.PathError (`open PATH: …`). */
function readPemFile(env: CommandEnv, path: string): string {
  const text = env.ctx.readFile?.(path);
  if (text === undefined) throw fail(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

function runTls(env: CommandEnv): undefined {
  const name = nameFrom(env);
  const settings = generatorSettings(env);
  const certPath = env.flags.string('cert');
  const keyPath = env.flags.string('key');
  if (keyPath.length === 0 || certPath.length === 0) throw fail('key and cert must be specified');
  const cert = readPemFile(env, certPath);
  const key = readPemFile(env, keyPath);
  const err = x509KeyPairError(cert, key);
  if (err) throw fail(err);
  const data: SecretData = { 'tls.crt': encodeBase64Text(cert), 'tls.key': encodeBase64Text(key) };
  createGenerated(env, 'Secret', buildSecret(env, name, 'kubernetes.io/tls', data), settings, failPrefix);
  return undefined;
}

/**
 * `handleDockerCfgJSONContent`: `{"auths":{SERVER:{…}}}` as json.Marshal writes the DockerConfigJSON struct —
 * username, password, email, auth in field order, each left out when empty; `auth` is base64 of `user:password`.
 */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry = [
    ['username', username],
    ['password', password],
    ['email', email],
    ['auth', encodeBase64Text(`${username}:${password}`)],
  ]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${goJsonString(k)}:${goJsonString(v)}`);
  return `{"auths":{${goJsonString(server)}:{${entry.join(',')}}}}`;
}

function runDockerRegistry(env: CommandEnv): undefined {
  const name = nameFrom(env);
  const settings = generatorSettings(env);
  // Complete: a --from-file without a key is the .dockerconfigjson
  const files = env.flags.strings('from-file').map((s) => (s.includes('=') ? s : `.dockerconfigjson=${s}`));
  const username = env.flags.string('docker-username');
  const password = env.flags.string('docker-password');
  const server = env.flags.string('docker-server');
  if (name.length === 0) throw fail('name must be specified');
  if (files.length === 0 && (username.length === 0 || password.length === 0 || server.length === 0)) {
    throw fail('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data: SecretData = {};
  if (files.length > 0) addFileSources(env, data, files);
  else data['.dockerconfigjson'] = encodeBase64Text(dockerConfigJson(username, password, env.flags.string('docker-email'), server));
  createGenerated(env, 'Secret', buildSecret(env, name, 'kubernetes.io/dockerconfigjson', data), settings, failPrefix);
  return undefined;
}

const appendHashFlag = { name: 'append-hash', type: 'bool' as const };

export const createSecretCommand: KubectlCommand = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  use: 'create secret (docker-registry | generic | tls)',
  subcommands: [
    {
      name: 'docker-registry',
      short: 'Create a secret for use with a Docker registry',
      use: 'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
      flags: [
        ...generatorFlags,
        { name: 'docker-username', type: 'string' },
        { name: 'docker-password', type: 'string' },
        { name: 'docker-email', type: 'string' },
        { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/' },
        appendHashFlag,
        { name: 'from-file', type: 'stringSlice' },
      ],
      run: runDockerRegistry,
    },
    {
      name: 'generic',
      short: 'Create a secret from a local file, directory, or literal value',
      use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
      flags: [
        ...generatorFlags,
        { name: 'from-file', type: 'stringSlice' },
        { name: 'from-literal', type: 'stringArray' },
        { name: 'from-env-file', type: 'stringSlice' },
        { name: 'type', type: 'string' },
        appendHashFlag,
      ],
      run: runGeneric,
    },
    {
      name: 'tls',
      short: 'Create a TLS secret',
      use: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
      flags: [...generatorFlags, { name: 'cert', type: 'string' }, { name: 'key', type: 'string' }, appendHashFlag],
      run: runTls,
    },
  ],
  flags: [],
  run: (env) => runCommandGroup(env, createSecretCommand),
};
