/**
 * The per-endpoint rules of one Service port in a compact form. kube-proxy writes three rules per endpoint (the
 * KUBE-SVC/SVL cascade's jump, and the KUBE-SEP chain's masquerade check and DNAT — kubernetes/kubernetes
 * pkg/proxy/iptables/proxier.go `writeServiceToEndpointRules` and the endpoint chain loop of `syncProxyRules`),
 * so a full sync of 10,000 endpoints makes 30,000. Each rule here keeps only what differs between endpoints
 * (the endpoint, its chain name) and what the port's rules share; its match list, comment text and target are
 * made when something first reads them (iptables-save, a packet walk, the Rules view) and kept. The rules read
 * exactly as plain `Rule` values would: endpointRules.test.ts compares them with the plain construction.
 */
import type { EndpointInfo } from '../servicePort';
import { chains, comment, jump, type Part, type Rule, type Target } from './rule';

/** What the endpoint rules of one Service port share. */
export interface PortRuleContext {
  /** `ns/name:port`, as the rules' comments name the Service port. */
  readonly name: string;
  /** `-m comment --comment ns/name:port` */
  readonly svcComment: Part;
  /** `-m tcp -p tcp` */
  readonly protoPart: Part;
}

const toMarkMasq: Target = Object.freeze(jump(chains.markMasq));

/**
 * `-A KUBE-SVC-… -m comment --comment "ns/name:port -> IP:port" [match] -j KUBE-SEP-…`: a cascade rule (the match
 * is its `-m statistic`, none for the last) or an affinity check (the match is its `-m recent --rcheck`).
 */
export class EndpointJumpRule implements Rule {
  private madeParts: Part[] | undefined = undefined;
  private madeTarget: Target | undefined = undefined;

  constructor(
    readonly chain: string,
    private readonly sep: string,
    private readonly port: PortRuleContext,
    private readonly ep: EndpointInfo,
    private readonly match: Part | undefined,
  ) {}

  get parts(): Part[] {
    if (this.madeParts === undefined) {
      const c = comment(`${this.port.name} -> ${this.ep.endpoint}`);
      this.madeParts = this.match ? [c, this.match] : [c];
    }
    return this.madeParts;
  }

  get target(): Target {
    this.madeTarget ??= jump(this.sep);
    return this.madeTarget;
  }
}

/** `-A KUBE-SEP-… -m comment --comment ns/name:port -s <endpoint IP> -j KUBE-MARK-MASQ` (hairpin traffic). */
export class EndpointMasqueradeRule implements Rule {
  private madeParts: Part[] | undefined = undefined;

  constructor(
    readonly chain: string,
    private readonly port: PortRuleContext,
    private readonly ep: EndpointInfo,
  ) {}

  get parts(): Part[] {
    this.madeParts ??= [this.port.svcComment, { k: 'src', cidr: this.ep.ip }];
    return this.madeParts;
  }

  get target(): Target {
    return toMarkMasq;
  }
}

/** `-A KUBE-SEP-… -m comment --comment ns/name:port [-m recent --set] -m tcp -p tcp -j DNAT --to-destination IP:port` */
export class EndpointDnatRule implements Rule {
  private madeTarget: Target | undefined = undefined;

  constructor(
    readonly chain: string,
    readonly parts: Part[],
    private readonly ep: EndpointInfo,
  ) {}

  get target(): Target {
    this.madeTarget ??= { t: 'DNAT', to: this.ep.endpoint };
    return this.madeTarget;
  }
}
