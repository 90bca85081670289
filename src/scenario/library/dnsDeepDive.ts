/** Built-in scenario: cluster DNS in depth — search paths and ndots, headless A records, SRV, ExternalName. */
export const dnsDeepDiveScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: dns-deep-dive
  level: intermediate
title:
  en: "DNS deep dive: search paths, headless, SRV, ExternalName"
  zh-TW: 深入叢集 DNS：搜尋路徑、headless、SRV、ExternalName
description:
  en: How a pod's resolver turns "web" into an IP, what a headless Service answers, SRV records for named ports and ExternalName CNAMEs.
  zh-TW: Pod 的解析器怎麼把「web」變成 IP、headless Service 回答什麼、具名埠的 SRV 紀錄，以及 ExternalName 的 CNAME。
cluster:
  seed: 6
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
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
              - name: http
                containerPort: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
    ports:
      - name: http
        port: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web-headless
  spec:
    clusterIP: None
    selector: {app: web}
    ports:
      - name: http
        port: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: db
  spec:
    type: ExternalName
    externalName: db.example.com
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
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: dnsutils
  spec:
    containers:
      - name: dnsutils
        image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
        command: [sleep, infinity]
warmUp: 30s
steps:
  - title:
      en: The pod's resolv.conf
      zh-TW: Pod 的 resolv.conf
    narration:
      en: |
        The kubelet writes every pod's \`/etc/resolv.conf\` (with the default \`dnsPolicy: ClusterFirst\`):
        the \`kube-dns\` Service's IP as the nameserver, a **search** list that starts with the pod's own
        namespace, and \`ndots:5\`.
      zh-TW: |
        kubelet 會幫每個 Pod 寫好 \`/etc/resolv.conf\`（預設 \`dnsPolicy: ClusterFirst\`）：nameserver 是
        \`kube-dns\` Service 的 IP，**search** 清單從 Pod 自己的命名空間開始，再加上 \`ndots:5\`。
    action:
      run: kubectl exec client -- cat /etc/resolv.conf
    focus: [pod/client]
    checks:
      - output:
          command: kubectl exec client -- cat /etc/resolv.conf
          contains: [nameserver 10.96.0.10, search default.svc.cluster.local svc.cluster.local cluster.local, options ndots:5]
  - title:
      en: Short names go through the search list
      zh-TW: 短名稱會走 search 清單
    narration:
      en: |
        \`web\` has fewer dots than \`ndots\` (5), so the resolver tries it under each search domain in order:
        \`web.default.svc.cluster.local\` answers. busybox's \`nslookup\` asks the other domains too, so the
        NXDOMAIN blocks for \`web.svc.cluster.local\` and \`web.cluster.local\` are normal. A name with a
        trailing dot (\`web.default.svc.cluster.local.\`) is absolute: no search, one query.
      zh-TW: |
        \`web\` 的點數少於 \`ndots\`（5），所以解析器會依序接上每個 search 網域去查：
        \`web.default.svc.cluster.local\` 有答案。busybox 的 \`nslookup\` 會把其他網域也問一遍，所以看到
        \`web.svc.cluster.local\`、\`web.cluster.local\` 的 NXDOMAIN 是正常的。結尾加點的名稱
        （\`web.default.svc.cluster.local.\`）是絕對名稱：不走 search，只查一次。
    action:
      run:
        - kubectl exec client -- nslookup web
        - kubectl exec client -- nslookup web.default.svc.cluster.local.
    focus: [service/web]
    checks:
      - output:
          command: kubectl exec client -- nslookup web
          contains: ["Name:\\tweb.default.svc.cluster.local", "can't find web.svc.cluster.local: NXDOMAIN"]
      - output:
          command: kubectl exec client -- nslookup web.default.svc.cluster.local.
          contains: ["Name:\\tweb.default.svc.cluster.local"]
          notContains: [NXDOMAIN]
  - title:
      en: "Headless: one A record per ready pod"
      zh-TW: headless：每個 ready 的 Pod 一筆 A 紀錄
    narration:
      en: |
        \`web-headless\` has \`clusterIP: None\`: no virtual IP and no kube-proxy rules. CoreDNS answers its name
        with the IPs of the **ready** endpoints themselves, so the client picks a pod directly (StatefulSets
        rely on this).
      zh-TW: |
        \`web-headless\` 設了 \`clusterIP: None\`：沒有虛擬 IP，也沒有 kube-proxy 規則。CoreDNS 直接用 **ready**
        端點的 IP 回答這個名稱，用戶端自己挑 Pod（StatefulSet 就靠這個）。
    action:
      run:
        - kubectl exec dnsutils -- host web
        - kubectl exec dnsutils -- host web-headless
    focus: [service/web-headless]
    checks:
      - service: {name: web-headless, clusterIP: None}
      - output: {command: kubectl exec dnsutils -- host web-headless, count: {has address 10.244.: 2}}
  - title:
      en: Scale up, and the answer grows
      zh-TW: 擴充之後，答案跟著變多
    narration:
      en: |
        Scale to three replicas. Once the new pod is Ready, the EndpointSlice lists it and CoreDNS adds a
        third A record; the ClusterIP Service still answers with its single virtual IP.
      zh-TW: |
        擴充到三個副本。新 Pod 一變成 Ready，EndpointSlice 就會列出它，CoreDNS 也多回一筆 A 紀錄；
        ClusterIP 的 Service 還是只回答一個虛擬 IP。
    action:
      run:
        - kubectl scale deployment web --replicas=3
        - kubectl rollout status deployment web
        - kubectl exec dnsutils -- host web-headless
    checks:
      - endpoints: {service: web-headless, ready: 3}
      - output: {command: kubectl exec dnsutils -- host web-headless, count: {has address 10.244.: 3}}
      - output: {command: kubectl exec dnsutils -- host web, count: {has address: 1}}
  - title:
      en: SRV records for named ports
      zh-TW: 具名埠的 SRV 紀錄
    narration:
      en: |
        A **named** port (\`name: http\`) gets an SRV record, \`_http._tcp.<service>.<namespace>.svc.cluster.local\`:
        priority, weight, port and target. For the ClusterIP Service the target is the Service's name; for
        the headless one, one SRV per pod.
      zh-TW: |
        **具名** 的埠（\`name: http\`）會有 SRV 紀錄：\`_http._tcp.<service>.<namespace>.svc.cluster.local\`，
        內容是優先權、權重、埠號和目標。ClusterIP Service 的目標就是 Service 的名稱；headless 的則是每個 Pod 各一筆。
    action:
      run:
        - kubectl exec dnsutils -- dig +short _http._tcp.web.default.svc.cluster.local SRV
        - kubectl exec dnsutils -- dig +short _http._tcp.web-headless.default.svc.cluster.local SRV
    checks:
      - output:
          command: kubectl exec dnsutils -- dig +short _http._tcp.web.default.svc.cluster.local SRV
          contains: [" 80 web.default.svc.cluster.local."]
      - output:
          command: kubectl exec dnsutils -- dig +short _http._tcp.web-headless.default.svc.cluster.local SRV
          count: {.web-headless.default.svc.cluster.local.: 3}
  - title:
      en: "ExternalName: a CNAME, nothing else"
      zh-TW: ExternalName：只有一筆 CNAME
    narration:
      en: |
        \`db\` is an **ExternalName** Service: CoreDNS answers with a CNAME to \`db.example.com\` and that is all —
        no ClusterIP, no endpoints, no kube-proxy rules. Whatever \`db.example.com\` resolves to is up to DNS
        outside the cluster.
      zh-TW: |
        \`db\` 是 **ExternalName** Service：CoreDNS 只回一筆指向 \`db.example.com\` 的 CNAME——沒有 ClusterIP、
        沒有端點，也沒有 kube-proxy 規則。\`db.example.com\` 會解析成什麼，就看叢集外的 DNS 了。
    action:
      run:
        - kubectl exec dnsutils -- dig +noall +answer db.default.svc.cluster.local
        - kubectl get svc db
    focus: [service/db]
    checks:
      - service: {name: db, type: ExternalName}
      - output:
          command: kubectl exec dnsutils -- dig +noall +answer db.default.svc.cluster.local
          contains: ["CNAME\\tdb.example.com."]
`;
