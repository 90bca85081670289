/**
 * The probabilities of kube-proxy's random cascade. kube-proxy writes `fmt.Sprintf("%0.10f", 1.0/n)`
 * (kubernetes/kubernetes pkg/proxy/iptables/proxier.go `computeProbability`); the kernel's xt_statistic keeps
 * round(p × 2^31) and `iptables-save` prints that back with `%.11f` (iptables extensions/libxt_statistic.c),
 * which is why saved rules read 0.33333333349 rather than 0.3333333333.
 */

/** What kube-proxy writes for the rule that picks one of `n` remaining endpoints. */
export function proxierProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** The kernel's stored value: the probability that the rule really matches with. */
export function kernelProbability(p: number): number {
  return Math.round(Number(p.toFixed(10)) * 0x80000000) / 0x80000000;
}

/** The probability as `iptables-save` prints it. */
export function savedProbability(p: number): string {
  return kernelProbability(p).toFixed(11);
}
