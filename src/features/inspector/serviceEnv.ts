/**
 * Which environment variables the kubelet derived from Services (Docker-links style, kubernetes/kubernetes
 * pkg/kubelet/envvars/envvars.go): `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT[_<NAME>]`, `<SVC>_PORT` and
 * `<SVC>_PORT_<port>_<PROTO>[_PROTO|_PORT|_ADDR]`. Only for marking them in the Inspector; the engine built them.
 */
const serviceVar = /^[A-Z_][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)?)=/;

export function isServiceEnvVar(line: string): boolean {
  return serviceVar.test(line);
}
