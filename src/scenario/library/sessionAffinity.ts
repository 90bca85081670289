/** Built-in scenario: sessionAffinity ClientIP — one client, one pod, and the iptables `recent` module behind it. */
export const sessionAffinityScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: session-affinity
  level: intermediate
title:
  en: "Session affinity: one client, one pod"
  zh-TW: Session affinity：同一個用戶端，同一個 Pod
description:
  en: With sessionAffinity ClientIP every connection from a client lands on the same pod; iptables remembers it with the recent module.
  zh-TW: 設定 sessionAffinity ClientIP 之後，同一個用戶端的每個連線都會落在同一個 Pod；iptables 用 recent 模組記住它。
cluster:
  seed: 9
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
    name: client-a
  spec:
    containers:
      - name: shell
        image: busybox:1.36
        command: [sleep, infinity]
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: client-b
  spec:
    containers:
      - name: shell
        image: busybox:1.36
        command: [sleep, infinity]
warmUp: 30s
steps:
  - title:
      en: Without affinity, every connection rolls the dice
      zh-TW: 沒有 affinity：每個連線各擲一次骰子
    narration:
      en: |
        \`sessionAffinity: None\` is the default. Thirty connections from \`client-a\` spread over all three
        pods: fine for stateless apps, a problem for one that keeps a session in memory.
      zh-TW: |
        預設是 \`sessionAffinity: None\`。從 \`client-a\` 送出的三十個連線會分散到三個 Pod：
        無狀態的應用沒問題，但把 session 存在記憶體裡的應用就麻煩了。
    action:
      run: svcsim load web -n 30 --from client-a
    focus: [service/web, panel:traffic]
    checks:
      - traffic: {outcome: connected, pods: 3}
  - title:
      en: sessionAffinity ClientIP
      zh-TW: sessionAffinity ClientIP
    narration:
      en: |
        Set \`sessionAffinity: ClientIP\`. The API server fills in \`sessionAffinityConfig.clientIP.timeoutSeconds:
        10800\` (three hours) as the default.
      zh-TW: |
        設定 \`sessionAffinity: ClientIP\`。API server 會自動補上預設值
        \`sessionAffinityConfig.clientIP.timeoutSeconds: 10800\`（三小時）。
    action:
      run:
        - "kubectl patch service web -p '{\\"spec\\":{\\"sessionAffinity\\":\\"ClientIP\\"}}'"
        - kubectl get service web -o yaml | grep -E "ffinity|timeoutSeconds"
    focus: [service/web]
    checks:
      - output: {command: kubectl get service web -o yaml, contains: ["sessionAffinity: ClientIP", "timeoutSeconds: 10800"]}
  - title:
      en: Every connection from client-a, one pod
      zh-TW: client-a 的每個連線都到同一個 Pod
    narration:
      en: |
        The same thirty connections now all reach **one** pod: the first one picked it at random, the others
        are sent back to it.
      zh-TW: |
        同樣三十個連線，現在全部落在 **同一個** Pod：第一個連線隨機挑中它，之後的連線都被送回同一個 Pod。
    action:
      run: svcsim load web -n 30 --from client-a
    focus: [service/web, panel:traffic]
    checks:
      - traffic: {outcome: connected, pods: 1}
  - title:
      en: How iptables remembers
      zh-TW: iptables 怎麼記住的
    narration:
      en: |
        Each \`KUBE-SEP-…\` chain now **records** the source address (\`-m recent --set --name KUBE-SEP-…\`), and
        the \`KUBE-SVC-…\` chain first **checks** every endpoint's list (\`-m recent --rcheck --seconds 10800
        --reap\`): a client seen in the last three hours goes straight back to its pod, before the random rules.
      zh-TW: |
        每條 \`KUBE-SEP-…\` 鏈現在會 **記錄** 來源位址（\`-m recent --set --name KUBE-SEP-…\`），而
        \`KUBE-SVC-…\` 鏈會先 **檢查** 每個端點的清單（\`-m recent --rcheck --seconds 10800 --reap\`）：
        三小時內出現過的用戶端，會在進入隨機規則之前直接回到它的 Pod。
    action:
      run: docker exec kind-worker iptables-save -t nat | grep recent
    focus: [panel:rules]
    checks:
      - output:
          command: docker exec kind-worker iptables-save -t nat
          contains: ["-m recent --set --name KUBE-SEP-", "-m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-"]
  - title:
      en: Another client, its own pod
      zh-TW: 另一個用戶端，有自己的 Pod
    narration:
      en: |
        Affinity is per **client IP**, not global: \`client-b\` gets a pod of its own (maybe the same one, maybe
        not) and then sticks to it. Behind a NAT or a proxy, many users share one IP and all land on one pod.
      zh-TW: |
        affinity 是以 **用戶端 IP** 為單位，不是全域的：\`client-b\` 會分到它自己的 Pod（可能跟 client-a 同一個，
        也可能不同），之後就固定在那裡。如果前面有 NAT 或 proxy，很多使用者共用一個 IP，就會全部擠到同一個 Pod。
    action:
      run: svcsim load web -n 30 --from client-b
    checks:
      - traffic: {outcome: connected, pods: 1}
`;
