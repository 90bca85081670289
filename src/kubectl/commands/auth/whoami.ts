/**
 * `kubectl auth whoami [-o yaml|json|jsonpath=…]` (kubectl v0.34.0 `pkg/cmd/auth/whoami.go`): the
 * SelfSubjectReview the API server answers with the user it authenticated, as a table of attributes or as the
 * object. For kind's kubeconfig that is the x509 identity of the admin certificate (see kindCredentials.ts): its
 * CN, its organizations and `system:authenticated`, and the certificate's credential ID in the extra.
 */
import { formatTimestamp } from '../../../engine';
import type { KubectlCommand } from '../../cli/command';
import { kindAdmin, adminCredentialId } from '../../kubeconfig/kindCredentials';
import { type OutputFormat, objectAllowedFormats, objectPrinterFor, parseOutputFormat, printObjectOrFail, templateFlags } from '../../printers/outputPrinters';
import { structJsonIndent } from '../../printers/structJson';
import { TabWriter, tableWriterOptions } from '../../printers/tabWriter';
import { refuseImpersonation } from './canI';

const credentialIdKey = 'authentication.kubernetes.io/credential-id';

export const whoamiCommand: KubectlCommand = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  use: 'auth whoami',
  flags: [
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'template', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
  ],
  run(env) {
    refuseImpersonation(env);
    const output = env.flags.string('output');
    // the table unless -o is given (--template alone does not choose a printer here)
    const format = output ? (parseOutputFormat(output, objectAllowedFormats, false, templateFlags(env)) as Exclude<OutputFormat, { type: 'human' }>) : undefined;
    const extra: Record<string, string[]> = { [credentialIdKey]: [adminCredentialId(env.cluster)] };
    if (!format) {
      // printTableSelfSubjectAccessReview: UID is empty for a certificate user, so its row is left out
      let text = '';
      const w = new TabWriter((s) => {
        text += s;
      }, tableWriterOptions);
      w.write('ATTRIBUTE\tVALUE\n');
      w.write(`Username\t${kindAdmin.username}\n`);
      w.write(`Groups\t[${kindAdmin.groups.join(' ')}]\n`);
      for (const key of Object.keys(extra).sort()) w.write(`Extra: ${key}\t[${extra[key].join(' ')}]\n`);
      w.flush();
      env.out.out(text);
      return undefined;
    }
    const review = {
      kind: 'SelfSubjectReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: formatTimestamp(env.cluster.now()) },
      status: { userInfo: { username: kindAdmin.username, groups: [...kindAdmin.groups], extra } },
    };
    // a typed object: JSON in struct order (kind, apiVersion, metadata, status; username, groups, extra)
    if (format.type === 'json') env.out.out(`${structJsonIndent(review)}\n`);
    else printObjectOrFail(env.out, objectPrinterFor(format, false), review);
    return undefined;
  },
};
