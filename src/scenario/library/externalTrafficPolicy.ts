/** Built-in scenario: externalTrafficPolicy Local — no hop, the client's IP kept, and nodes without a pod drop. */
export const externalTrafficPolicyScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: external-traffic-policy
  level: advanced
title:
  en: "externalTrafficPolicy: Local and client IPs"
  zh-TW: "externalTrafficPolicy: Local 與用戶端 IP"
description:
  en: A NodePort from outside the cluster, with Cluster (any node works, the client's IP is lost) and Local (the IP is kept, nodes without a pod drop).
  zh-TW: 從叢集外連 NodePort：Cluster（任何節點都通，但用戶端 IP 不見了）與 Local（保留 IP，沒有 Pod 的節點直接丟掉）。
cluster:
  seed: 8
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 1
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        nodeSelector:
          kubernetes.io/hostname: kind-worker
        containers:
          - name: nginx
            image: nginx:1.27
            ports:
              - containerPort: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    type: NodePort
    selector: {app: web}
    ports:
      - port: 80
        nodePort: 30080
warmUp: 30s
steps:
  - title:
      en: "Cluster (the default): any node, but SNAT"
      zh-TW: Cluster（預設）：哪個節點都通，但會 SNAT
    narration:
      en: |
        The only \`web\` pod runs on **kind-worker** (172.18.0.3). Connect from your machine to the NodePort on
        **kind-worker2** (172.18.0.4), a node without a \`web\` pod. With \`externalTrafficPolicy: Cluster\`
        that node forwards the connection to kind-worker, and to make the reply come back through it, it
        **masquerades** (SNAT) the source: the pod sees 172.18.0.4, not your machine's 172.18.0.1.
      zh-TW: |
        唯一的 \`web\` Pod 跑在 **kind-worker**（172.18.0.3）。從你的電腦連到 **kind-worker2**（172.18.0.4）
        的 NodePort，這個節點上沒有 \`web\` Pod。在 \`externalTrafficPolicy: Cluster\` 下，它會把連線轉給
        kind-worker，而且為了讓回應經過自己，會 **masquerade**（SNAT）來源位址：Pod 看到的是 172.18.0.4，
        而不是你電腦的 172.18.0.1。
    action:
      run: svcsim trace 172.18.0.4:30080 --from host
    focus: [service/web, node/kind-worker2]
    checks:
      - traffic: {outcome: connected, clientIP: replaced}
  - title:
      en: Switch to Local
      zh-TW: 改成 Local
    narration:
      en: |
        Set \`externalTrafficPolicy: Local\`. Now a node only sends external traffic to pods **on that node**.
        kind-worker2 has none, so its filter table drops the connection (\`… has no local endpoints … -j DROP\`):
        from outside, the NodePort on that node just times out.
      zh-TW: |
        設定 \`externalTrafficPolicy: Local\`。現在節點只會把外部流量送給 **自己節點上** 的 Pod。
        kind-worker2 上一個都沒有，所以它的 filter 表會丟掉連線（\`… has no local endpoints … -j DROP\`）：
        從外面看，這個節點的 NodePort 就是逾時。
    action:
      run:
        - "kubectl patch service web -p '{\\"spec\\":{\\"externalTrafficPolicy\\":\\"Local\\"}}'"
        - svcsim trace 172.18.0.4:30080 --from host
    focus: [service/web, node/kind-worker2]
    checks:
      - output: {command: kubectl get service web -o yaml, contains: "externalTrafficPolicy: Local"}
      - traffic: {outcome: timeout}
      - output: {command: docker exec kind-worker2 iptables-save -t filter, contains: "default/web has no local endpoints"}
  - title:
      en: "The node with the pod: the client's IP is kept"
      zh-TW: 有 Pod 的節點：用戶端 IP 保留下來
    narration:
      en: |
        Connect to kind-worker instead. Its \`KUBE-EXT-…\` chain jumps to \`KUBE-SVL-…\` (local endpoints only)
        with no \`KUBE-MARK-MASQ\`, so there is no SNAT: the pod sees **172.18.0.1**, your machine. That is why
        Local exists — logs and allow-lists get the real client — at the price of spreading traffic only over
        nodes that run a pod (a load balancer uses \`healthCheckNodePort\` to find them).
      zh-TW: |
        改連 kind-worker。它的 \`KUBE-EXT-…\` 鏈會跳到 \`KUBE-SVL-…\`（只有本機端點），而且沒有
        \`KUBE-MARK-MASQ\`，所以不做 SNAT：Pod 看到的是 **172.18.0.1**，也就是你的電腦。這就是 Local 存在的理由——
        日誌和白名單拿得到真正的用戶端 IP——代價是流量只會分到有 Pod 的節點
        （負載平衡器靠 \`healthCheckNodePort\` 找出這些節點）。
    action:
      run:
        - svcsim trace 172.18.0.3:30080 --from host
        - docker exec kind-worker iptables-save -t nat | grep KUBE-SVL
    focus: [service/web, node/kind-worker]
    checks:
      - traffic: {outcome: connected, clientIP: kept}
      - output: {command: docker exec kind-worker iptables-save -t nat, contains: KUBE-SVL-}
  - title:
      en: A pod on every node
      zh-TW: 每個節點都放一個 Pod
    narration:
      en: |
        With Local, a NodePort answers on a node only when a ready pod runs there. Scale to three replicas and
        drop the nodeSelector: the scheduler spreads them over the workers, and kind-worker2 answers again —
        still with your machine's IP.
      zh-TW: |
        用 Local 時，節點上要有 ready 的 Pod，那個節點的 NodePort 才會回應。把 nodeSelector 拿掉、擴充到三個副本：
        排程器會把它們分散到各個 worker，kind-worker2 又能回應了——而且 Pod 看到的仍是你電腦的 IP。
    action:
      run:
        - "kubectl patch deployment web --type=json -p '[{\\"op\\":\\"remove\\",\\"path\\":\\"/spec/template/spec/nodeSelector\\"}]'"
        - kubectl scale deployment web --replicas=3
        - kubectl rollout status deployment web
        - svcsim trace 172.18.0.4:30080 --from host
    focus: [service/web, node/kind-worker2]
    checks:
      - endpoints: {service: web, ready: 3}
      - traffic: {outcome: connected, clientIP: kept}
`;
