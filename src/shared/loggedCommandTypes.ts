/**
 * The commands a session log keeps (the ones that change the cluster), by type: what a session file and a
 * share link may carry. Test hooks (`hang`) never travel. One list, so the two readers cannot drift apart.
 */
export const loggedCommandTypes = [
  'init',
  'apply',
  'delete',
  'patch',
  'nodePower',
  'appHealth',
  'advance',
  'step',
  'terminal',
  'interrupt',
  'scenarioOpen',
  'scenarioGoto',
  'scenarioRunStep',
  // the Rules view's mode switch (the ConfigMap edit and DaemonSet restart) and the Traffic view's connections,
  // which draw from the cluster's random numbers: without them a replayed session gets other names and IPs
  'proxyMode',
  'traffic',
  // a request from the localhost:PORT tab can change the app (kuard's probe API), and so the pod's readiness
  'localHttp',
] as const;
