/** Built-in scenario: an init container holds a pod until the Service it needs resolves in DNS. */
export const initContainersScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: init-wait-for-service
  level: intermediate
title:
  en: "Init containers: wait for a Service before starting"
  zh-TW: Init 容器：等 Service 出現再啟動
description:
  en: An init container loops on nslookup until its Service exists; then the app starts, with the Service's variables.
  zh-TW: Init 容器用 nslookup 反覆查詢，直到 Service 出現；之後應用程式才啟動，而且拿得到 Service 的環境變數。
cluster:
  seed: 11
manifests: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels: {app: web}
  spec:
    initContainers:
      - name: wait-for-db
        image: busybox:1.28
        command: ['sh', '-c', 'until nslookup db; do echo waiting for db; sleep 2; done']
    containers:
      - name: app
        image: busybox:1.36
        command: [sleep, infinity]
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: db
    labels: {app: db}
  spec:
    containers:
      - name: nginx
        image: nginx:1.27
        ports:
          - containerPort: 80
warmUp: 15s
steps:
  - title:
      en: The pod waits in Init
      zh-TW: Pod 停在 Init
    narration:
      en: |
        \`web\` has an **init container**: the kubelet runs init containers one by one, each to completion, before
        it starts any app container. This one loops until the name \`db\` resolves, and there is no Service
        \`db\` yet, so the pod stays \`Init:0/1\`: it has an IP, but it is not Ready and no Service would send it
        traffic.
      zh-TW: |
        \`web\` 有一個 **init 容器**：kubelet 會依序執行 init 容器，每一個都要跑完，才會啟動任何應用程式容器。
        這一個會一直重試，直到 \`db\` 這個名稱查得到為止；但現在還沒有叫 \`db\` 的 Service，所以 Pod 停在
        \`Init:0/1\`：它已經有 IP，但還不是 Ready，任何 Service 都不會把流量送給它。
    action:
      run: kubectl get pod web
    focus: [pod/web]
    checks:
      - pod: {name: web, phase: Pending, ready: false}
      - output: {command: kubectl get pod web, contains: "Init:0/1"}
  - title:
      en: What the init container sees
      zh-TW: init 容器看到了什麼
    narration:
      en: |
        Its log is busybox 1.28's \`nslookup\` failing, round after round. The name goes through the pod's
        search list (\`db.default.svc.cluster.local\` first), and CoreDNS answers NXDOMAIN: no such Service.
      zh-TW: |
        它的 log 是 busybox 1.28 的 \`nslookup\` 一輪又一輪地失敗。名稱會經過 Pod 的搜尋清單
        （先試 \`db.default.svc.cluster.local\`），CoreDNS 回答 NXDOMAIN：沒有這個 Service。
    action:
      run: kubectl logs web -c wait-for-db --tail=5
    checks:
      - output: {command: kubectl logs web -c wait-for-db --tail=5, contains: ["nslookup: can't resolve 'db'", waiting for db]}
  - title:
      en: Create the Service
      zh-TW: 建立 Service
    narration:
      en: |
        Expose the \`db\` pod. Within one round of the loop the name resolves, the init container exits 0, and the
        kubelet starts the app container: the pod is Running.
      zh-TW: |
        把 \`db\` 這個 Pod 公開成 Service。下一輪迴圈名稱就查得到了，init 容器以 0 結束，kubelet 接著啟動應用程式容器：
        Pod 變成 Running。
    action:
      run:
        - kubectl expose pod db --port=80
        - kubectl wait --for=condition=Ready pod/web
    focus: [service/db, pod/web]
    checks:
      - pod: {name: web, phase: Running, ready: true}
      - output: {command: kubectl logs web -c wait-for-db, contains: "Name:      db"}
  - title:
      en: The app has the Service's variables
      zh-TW: 應用程式拿得到 Service 的環境變數
    narration:
      en: |
        The app container started after the Service existed, so the kubelet gave it \`DB_SERVICE_HOST\` and the
        rest of the family: waiting in an init container also avoids the env-var catch.
      zh-TW: |
        應用程式容器是在 Service 出現之後才啟動的，所以 kubelet 給了它 \`DB_SERVICE_HOST\` 等一整組變數：
        用 init 容器等待，也順便避開了環境變數的陷阱。
    action:
      run: kubectl exec web -- env
    checks:
      - output: {command: kubectl exec web -- env, contains: [DB_SERVICE_HOST=, DB_SERVICE_PORT=80]}
`;
