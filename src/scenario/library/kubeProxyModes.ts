/** Built-in scenario: one Service under kube-proxy's iptables, ipvs and nftables modes, switched as on kind. */
export const kubeProxyModesScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: kube-proxy-modes
  level: advanced
title:
  en: kube-proxy modes compared on one Service
  zh-TW: 同一個 Service，比較 kube-proxy 的三種模式
description:
  en: The same Service under iptables, then ipvs, then nftables, switched through kube-proxy's ConfigMap and a DaemonSet restart.
  zh-TW: 同一個 Service 依序跑在 iptables、ipvs、nftables 模式下，透過 kube-proxy 的 ConfigMap 和重啟 DaemonSet 來切換。
cluster:
  seed: 4
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 3
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
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
    selector: {app: web}
    ports:
      - port: 80
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: client
  spec:
    containers:
      - name: shell
        image: busybox:1.36
        command: [sleep, infinity]
warmUp: 30s
steps:
  - title:
      en: "iptables: a chain per Service, a rule per endpoint"
      zh-TW: iptables：每個 Service 一條鏈，每個端點一條規則
    narration:
      en: |
        kind starts kube-proxy in **iptables** mode. Look at the NAT table on a node: \`KUBE-SERVICES\` matches the
        ClusterIP and jumps to \`KUBE-SVC-…\`, which picks an endpoint with \`-m statistic --mode random\`:
        1/3 for the first, 1/2 of the rest for the second, the last takes what is left. Each \`KUBE-SEP-…\`
        chain DNATs to one pod. Rules are read top to bottom, so the cost grows with the number of Services.
      zh-TW: |
        kind 預設讓 kube-proxy 跑 **iptables** 模式。看看節點上的 NAT 表：\`KUBE-SERVICES\` 比對 ClusterIP 後跳到
        \`KUBE-SVC-…\`，再用 \`-m statistic --mode random\` 挑端點：第一個機率 1/3，第二個是剩下的 1/2，
        最後一個接住其餘的。每條 \`KUBE-SEP-…\` 鏈把封包 DNAT 到一個 Pod。規則由上往下逐條比對，
        所以 Service 越多，成本越高。
    action:
      run: docker exec kind-worker iptables-save -t nat | grep default/web
    focus: [service/web, panel:rules]
    checks:
      - proxyMode: {mode: iptables}
      - output:
          command: docker exec kind-worker iptables-save -t nat
          contains: [KUBE-SVC-, "-m statistic --mode random --probability 0.33333333349", "-j DNAT --to-destination"]
  - title:
      en: Random spread
      zh-TW: 隨機分散
    narration:
      en: |
        Send 90 connections from the client pod. Each one rolls the dice in the rules above, so the split is
        close to a third each, but not exact.
      zh-TW: |
        從 client Pod 送出 90 個連線。每個連線都在上面的規則裡擲一次骰子，所以分布接近各三分之一，
        但不會剛好平均。
    action:
      run: svcsim load web -n 90 --from client
    focus: [service/web, panel:traffic]
    checks:
      - traffic: {outcome: connected, pods: 3}
  - title:
      en: Switch the ConfigMap to ipvs
      zh-TW: 把 ConfigMap 改成 ipvs
    narration:
      en: |
        kube-proxy reads its mode from the \`kube-proxy\` ConfigMap in \`kube-system\` (\`config.conf\`,
        \`mode:\`), **only when it starts**. Editing it changes nothing yet: every node still runs iptables.
      zh-TW: |
        kube-proxy 的模式寫在 \`kube-system\` 裡名為 \`kube-proxy\` 的 ConfigMap（\`config.conf\` 的
        \`mode:\`），而且 **只在啟動時讀一次**。所以光改 ConfigMap 什麼都不會變：每個節點還是 iptables。
    action:
      edit: {command: kubectl edit cm kube-proxy -n kube-system, from: "mode: iptables", to: "mode: ipvs"}
    focus: [panel:rules]
    checks:
      - output: {command: kubectl get cm kube-proxy -n kube-system -o yaml, contains: "mode: ipvs"}
      - proxyMode: {mode: iptables}
  - title:
      en: Restart kube-proxy
      zh-TW: 重啟 kube-proxy
    narration:
      en: |
        \`kubectl rollout restart\` replaces the DaemonSet's pods one node at a time; each new kube-proxy reads
        the ConfigMap and programs its node in **ipvs** mode.
      zh-TW: |
        \`kubectl rollout restart\` 會一個節點一個節點地替換 DaemonSet 的 Pod；每個新的 kube-proxy 啟動時讀到
        ConfigMap，就以 **ipvs** 模式設定它的節點。
    action:
      run:
        - kubectl rollout restart ds/kube-proxy -n kube-system
        - kubectl rollout status ds/kube-proxy -n kube-system
    checks:
      - proxyMode: {mode: ipvs}
  - title:
      en: "ipvs: a virtual server in the kernel"
      zh-TW: ipvs：核心裡的虛擬伺服器
    narration:
      en: |
        \`ipvsadm -Ln\` lists one **virtual server** per ClusterIP:port with its real servers (the pods) and a
        scheduler, \`rr\` (round robin) by default: lookups are a hash, not a list of rules. The 90 connections
        now split exactly 30/30/30.
      zh-TW: |
        \`ipvsadm -Ln\` 為每個 ClusterIP:port 列出一個 **虛擬伺服器**，底下是真實伺服器（Pod）和排程演算法，
        預設是 \`rr\`（輪流）：查找用雜湊表，不是逐條比對規則。這次 90 個連線剛好分成 30/30/30。
    action:
      run:
        - docker exec kind-worker ipvsadm -Ln
        - svcsim load web -n 90 --from client
    focus: [service/web, panel:rules]
    checks:
      - output: {command: docker exec kind-worker ipvsadm -Ln, contains: [":80 rr", Masq]}
      - traffic: {outcome: connected, pods: 3}
  - title:
      en: Switch to nftables
      zh-TW: 換成 nftables
    narration:
      en: |
        The same two moves again: edit the ConfigMap to \`mode: nftables\` (GA since Kubernetes 1.33), then
        restart the DaemonSet.
      zh-TW: |
        同樣兩個動作再做一次：把 ConfigMap 改成 \`mode: nftables\`（Kubernetes 1.33 起 GA），再重啟 DaemonSet。
    action:
      edit: {command: kubectl edit cm kube-proxy -n kube-system, from: "mode: ipvs", to: "mode: nftables"}
    checks:
      - output: {command: kubectl get cm kube-proxy -n kube-system -o yaml, contains: "mode: nftables"}
  - title:
      en: "nftables: verdict maps"
      zh-TW: nftables：verdict map
    narration:
      en: |
        In the \`kube-proxy\` nftables table, one **verdict map** (\`service-ips\`) sends a ClusterIP:port to its
        service chain, which picks an endpoint with \`numgen random mod 3 vmap\`: one lookup however many
        Services there are, and the spread is random again.
      zh-TW: |
        在 nftables 的 \`kube-proxy\` 表裡，一個 **verdict map**（\`service-ips\`）把 ClusterIP:port 導到該 Service
        的鏈，再用 \`numgen random mod 3 vmap\` 挑端點：不管有幾個 Service 都只查一次，分布又回到隨機。
    action:
      run:
        - kubectl rollout restart ds/kube-proxy -n kube-system
        - kubectl rollout status ds/kube-proxy -n kube-system
        - docker exec kind-worker nft list table ip kube-proxy | grep default/web
        - svcsim load web -n 90 --from client
    focus: [service/web, panel:rules]
    checks:
      - proxyMode: {mode: nftables}
      - output: {command: docker exec kind-worker nft list table ip kube-proxy, contains: [service-ips, numgen random mod 3 vmap]}
      - traffic: {outcome: connected, pods: 3}
`;
