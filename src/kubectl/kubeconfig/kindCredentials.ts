/**
 * The credentials in the kubeconfig kind writes, and the identity the API server sees for them. kubeadm's
 * admin.conf (kind 1.34 node images) authenticates with a client certificate for `kubernetes-admin` in the
 * organization `kubeadm:cluster-admins`, which kubeadm binds to the `cluster-admin` ClusterRole (kubeadm 1.29+;
 * `system:masters` is no longer used for it). Nothing here verifies TLS, so the certificate and key are made-up
 * PEM blocks, stable per cluster name; the CA is the one the cluster publishes in `kube-root-ca.crt`, as in a real
 * cluster, where both are the same kubeadm CA.
 */
import type { Cluster } from '../../engine';
import { sha256 } from '../../engine/proxy/chainHash';
import { encodeBase64Text } from '../../shared/goBase64';

/** The user name and groups the API server's x509 authenticator takes from the admin certificate's subject. */
export const kindAdmin = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } as const;

function pem(type: string, body: string): string {
  const lines = body.match(/.{1,64}/g) ?? [body];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

const alnum = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');

/** The admin client certificate (CN=kubernetes-admin, O=kubeadm:cluster-admins), made up. */
function adminCertificatePem(clusterName: string): string {
  return pem('CERTIFICATE', `MIIDKTCCAhGgAwIBAgIIsvcsim${alnum(clusterName)}CNkubernetesAdminOkubeadmClusterAdminsSimulatedClientCertificate0`);
}

/** kubeadm writes an RSA key in PKCS#1 (`RSA PRIVATE KEY`); this one is made up and opens nothing. */
function adminKeyPem(clusterName: string): string {
  return pem('RSA PRIVATE KEY', `MIIEowIBAAKCAQEAsvcsim${alnum(clusterName)}SimulatedKubernetesAdminKeyNotASecret0`);
}

/** The cluster CA: `kube-root-ca.crt` as the root CA publisher writes it (kube-system first: it always exists). */
function clusterCaPem(cluster: Cluster): string {
  const name = 'kube-root-ca.crt';
  const published = cluster.store.get('ConfigMap', `kube-system/${name}`) ?? cluster.store.list('ConfigMap').find((cm) => cm.metadata?.name === name);
  return published?.data?.['ca.crt'] ?? pem('CERTIFICATE', `MIIDBTCCAe2gAwIBAgIIsvcsim${alnum(cluster.config.name)}simulatedKubernetesCA0`);
}

export interface KindCredentials {
  certificateAuthorityData: string;
  clientCertificateData: string;
  clientKeyData: string;
}

/** The `*-data` fields of kind's kubeconfig: base64 of the PEM files, as kubeadm embeds them. */
export function kindCredentials(cluster: Cluster): KindCredentials {
  return {
    certificateAuthorityData: encodeBase64Text(clusterCaPem(cluster)),
    clientCertificateData: encodeBase64Text(adminCertificatePem(cluster.config.name)),
    clientKeyData: encodeBase64Text(adminKeyPem(cluster.config.name)),
  };
}

/**
 * The credential ID the x509 authenticator puts in the user's extra (k8s.io/apiserver v0.34.0
 * `pkg/authentication/request/x509/x509.go` CommonNameUserConversion): `X509SHA256=` and the SHA-256 of the
 * certificate. The simulated certificate is no DER, so its PEM text is hashed instead: stable, and the same for
 * every run against the cluster.
 */
export function adminCredentialId(cluster: Cluster): string {
  const digest = sha256(adminCertificatePem(cluster.config.name));
  return `X509SHA256=${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
