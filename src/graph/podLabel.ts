/**
 * A pod's name shortened for its card so the part that tells replicas apart stays visible. A Deployment's pods
 * are `<deployment>-<pod-template-hash>-<5 random chars>` (kubernetes/kubernetes
 * pkg/controller/deployment/sync.go names the ReplicaSet `<deployment>-<hash>`; the apiserver's generateName
 * adds the random suffix), so cutting the end (`nginx-5659547…`) hides exactly what differs. The middle goes
 * instead: `nginx-…6b-rxsxk`, cut at a dash where one is near.
 */
export function shortPodName(name: string, maxChars = 15): string {
  if (name.length <= maxChars) return name;
  const lastDash = name.lastIndexOf('-');
  // the last segment whole, plus up to two characters of the one before (the end of the template hash)
  const tailStart = lastDash > 0 ? Math.max(name.lastIndexOf('-', lastDash - 1) + 1, lastDash - 2) : name.length - 6;
  let tail = name.slice(tailStart);
  if (tail.length > maxChars - 3) tail = name.slice(name.length - (maxChars - 3));
  const budget = maxChars - tail.length - 1;
  let head = name.slice(0, budget);
  const cut = head.lastIndexOf('-');
  if (cut >= budget / 2) head = head.slice(0, cut + 1);
  return `${head}…${tail}`;
}
