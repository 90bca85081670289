/**
 * `kubectl create -f FILE|-` (kubectl `pkg/cmd/create/create.go`): creates every object of the files and
 * prints `<kind>/<name> created`. Of the `create <resource>` subcommands, configmap, deployment, namespace, secret
 * (docker-registry, generic, tls) and service exist.
 */
import type { KubeObject } from '../../engine';
import type { KubectlCommand } from '../cli/command';
import { CommandError, type KubeError, aggregate, fail } from '../cli/errors';
import { readManifests } from '../resources/manifestInput';
import { mappingForKind } from '../resources/resourceMapper';
import { targetNamespace, withSource } from './apply';
import { createConfigMapCommand } from './createConfigMap';
import { createSecretCommand } from './createSecret';
import { createServiceCommand } from './createService';
import { createDeploymentCommand, createNamespaceCommand } from './createSubcommands';
import { printServerWarnings, validateFlag, validationDirective } from './fieldValidationFlag';
import { dryRunFlag, dryRunStrategy, printFlags, printResult, writeOutputFormat } from './objectOutput';

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'create -f FILENAME',
  subcommands: [createConfigMapCommand, createDeploymentCommand, createNamespaceCommand, createSecretCommand, createServiceCommand],
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice' },
    { name: 'recursive', shorthand: 'R', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'edit', type: 'bool' },
    { name: 'selector', shorthand: 'l', type: 'string' },
    validateFlag,
    { name: 'field-manager', type: 'string', default: 'kubectl-create' },
    dryRunFlag,
    ...printFlags,
  ],
  run(env) {
    const files = env.flags.strings('filename');
    if (env.args.length > 0) throw fail(`"kubectl create ${env.args[0]}" is not simulated yet; use kubectl create -f FILE, create configmap, create deployment, create namespace, create secret or create service`);
    if (files.length === 0) {
      env.out.err("Error: must specify one of -f and -k\n\n");
      throw new CommandError({ type: 'exit' });
    }
    const fieldValidation = validationDirective(env);
    const warnings: string[] = [];
    const dryRun = dryRunStrategy(env.flags);
    const format = writeOutputFormat(env);
    // objects of kinds this server does not serve fail alone and the others are created (ContinueOnError); their
    // errors come first here, where kubectl interleaves them in document order with the failed creates
    const errors: KubeError[] = [];
    // create.go RunCreate counts the objects it created (or printed for a client dry run)
    let count = 0;
    for (const m of readManifests(env, files, errors)) {
      const mapping = mappingForKind(m.kind);
      const namespace = targetNamespace(env, m.object, mapping.namespaced);
      const obj = { ...m.object, metadata: { ...m.object.metadata, ...(namespace ? { namespace } : {}) } } as KubeObject;
      if (dryRun === 'client') {
        count++;
        printResult(env, obj, 'created', dryRun, format);
        continue;
      }
      const res = env.cluster.create(m.kind, obj as never, { dryRun: dryRun === 'server', fieldValidation, warnings });
      printServerWarnings(env, warnings);
      if (!res.ok) {
        errors.push(withSource(res.status, 'creating', m.source));
        continue;
      }
      count++;
      printResult(env, res.value as KubeObject, 'created', dryRun, format);
    }
    const err = aggregate(errors);
    if (err) throw new CommandError(err);
    if (count === 0) throw fail('no objects passed to create');
    return undefined;
  },
};
