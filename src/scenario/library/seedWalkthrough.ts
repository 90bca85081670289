/** Built-in scenario: the seed note's walk-through with `alpaca-prod`, step by step. */
export const seedWalkthroughScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: alpaca-prod
  level: beginner
title:
  en: "Your first Service: alpaca-prod"
  zh-TW: 第一個 Service：alpaca-prod
description:
  en: Run a pod, expose it, watch its Endpoints follow the pod, switch to NodePort, read the env vars, clean up.
  zh-TW: 跑一個 Pod、用 Service 公開它、看 Endpoints 跟著 Pod 變化、改成 NodePort、讀環境變數、最後清乾淨。
cluster:
  seed: 1
steps:
  - title:
      en: Run the kuard pod
      zh-TW: 啟動 kuard Pod
    narration:
      en: |
        **kubectl run** creates one pod. The labels matter: a Service will find the pod by them.
        The pod listens on port 8000; \`kubectl wait\` returns once it is Ready.
      zh-TW: |
        **kubectl run** 會建立一個 Pod。標籤很重要：等一下 Service 就是靠標籤找到這個 Pod。
        Pod 監聽 8000 埠；\`kubectl wait\` 會等到它 Ready 才回來。
    action:
      run:
        - kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"
        - kubectl wait --for=condition=Ready pod/alpaca-prod
    focus: [pod/alpaca-prod]
    checks:
      - pod: {name: alpaca-prod, phase: Running, ready: true}
  - title:
      en: Expose it as a Service
      zh-TW: 用 expose 建立 Service
    narration:
      en: |
        **kubectl expose pod** creates a Service whose selector is the pod's labels and whose port is the pod's
        port. The Service gets a virtual IP (its ClusterIP) that lives on no machine.
      zh-TW: |
        **kubectl expose pod** 會建立一個 Service，selector 就是 Pod 的標籤，埠號沿用 Pod 的埠。
        Service 會拿到一個虛擬 IP（ClusterIP），這個 IP 不在任何一台機器上。
    action:
      run: kubectl expose pod alpaca-prod
    focus: [service/alpaca-prod]
    checks:
      - service: {name: alpaca-prod, type: ClusterIP, clusterIP: set}
      - endpoints: {service: alpaca-prod, ready: 1}
  - title:
      en: Describe the Service
      zh-TW: 用 describe 看 Service
    narration:
      en: |
        The **Selector** line is how the Service picks its pods: every pod with all three labels.
        **Endpoints** lists the pod IPs it sends traffic to.
      zh-TW: |
        **Selector** 那一行就是 Service 挑 Pod 的方式：三個標籤都符合的 Pod 都算。
        **Endpoints** 列出流量會送去的 Pod IP。
    action:
      run: kubectl describe svc alpaca-prod
    checks:
      - output: {command: kubectl describe svc alpaca-prod, contains: "app=alpaca,env=prod,ver=1"}
  - title:
      en: List the Services
      zh-TW: 列出所有 Service
    narration:
      en: |
        \`-o wide\` adds the SELECTOR column. The \`kubernetes\` Service is the apiserver's own.
      zh-TW: |
        \`-o wide\` 會多一欄 SELECTOR。\`kubernetes\` 這個 Service 是 apiserver 自己的。
    action:
      run: kubectl get services -o wide
    checks:
      - output: {command: kubectl get services -o wide, contains: [alpaca-prod, kubernetes]}
  - title:
      en: The Service's DNS name
      zh-TW: Service 的 DNS 名稱
    narration:
      en: |
        Cluster DNS gives the Service a name: \`alpaca-prod.default.svc.cluster.local\`
        (service, namespace, \`svc\`, the cluster domain). From a pod in \`default\` the short name
        \`alpaca-prod\` works too, thanks to the search path. (DNS queries from pods are not simulated yet, so this
        step is reading only.)
      zh-TW: |
        叢集 DNS 會給 Service 一個名字：\`alpaca-prod.default.svc.cluster.local\`
        （Service 名稱、namespace、\`svc\`、叢集網域）。在 \`default\` 裡的 Pod 因為有搜尋路徑，
        直接用 \`alpaca-prod\` 也查得到。（目前還沒模擬從 Pod 發 DNS 查詢，這一步先用讀的。）
  - title:
      en: Watch the Endpoints while the pod is replaced
      zh-TW: 刪掉 Pod 再重跑，同時觀察 Endpoints
    narration:
      en: |
        A watch runs in the background. Deleting the pod empties the Endpoints (\`<none>\`); running it again
        brings a **new pod IP**. The Service's IP does not change: that is the point of a Service.
      zh-TW: |
        在背景開一個 watch。刪掉 Pod 後 Endpoints 會變成 \`<none>\`；重新 run 之後會出現 **新的 Pod IP**。
        Service 的 IP 完全沒變，這正是 Service 存在的意義。
    action:
      run:
        - kubectl get endpoints alpaca-prod --watch &
        - kubectl delete pod alpaca-prod
        - kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8000 --labels="ver=1,app=alpaca,env=prod"
        - kubectl wait --for=condition=Ready pod/alpaca-prod
        - kill %1
    focus: [service/alpaca-prod, panel:endpoints]
    checks:
      - endpoints: {service: alpaca-prod, ready: 1}
      - pod: {name: alpaca-prod, ready: true}
  - title:
      en: Make it a NodePort
      zh-TW: 改成 NodePort
    narration:
      en: |
        In the editor change \`type: ClusterIP\` to \`type: NodePort\`. The apiserver picks a port in
        30000-32767 and every node forwards it to the Service.
      zh-TW: |
        在編輯器把 \`type: ClusterIP\` 改成 \`type: NodePort\`。apiserver 會在 30000-32767 之間挑一個埠，
        每個節點都會把這個埠轉給 Service。
    action:
      edit:
        command: kubectl edit service alpaca-prod
        from: "type: ClusterIP"
        to: "type: NodePort"
    focus: [service/alpaca-prod]
    checks:
      - service: {name: alpaca-prod, type: NodePort, nodePort: true}
  - title:
      en: Service environment variables
      zh-TW: Service 的環境變數
    narration:
      en: |
        The kubelet gives every container variables for each Service that existed **when the container
        started**: \`ALPACA_PROD_SERVICE_HOST\`, \`ALPACA_PROD_SERVICE_PORT\` and the Docker-link style \`ALPACA_PROD_PORT_…\`.
        This pod was re-run after the Service was created, so it has them.
      zh-TW: |
        kubelet 會把 **容器啟動當下** 已經存在的 Service 變成環境變數：\`ALPACA_PROD_SERVICE_HOST\`、
        \`ALPACA_PROD_SERVICE_PORT\`，還有 Docker link 風格的 \`ALPACA_PROD_PORT_…\`。
        這個 Pod 是在 Service 建好之後才重跑的，所以看得到。
    action:
      run: kubectl exec alpaca-prod -- env
    checks:
      - output: {command: kubectl exec alpaca-prod -- env, contains: [ALPACA_PROD_SERVICE_HOST=, ALPACA_PROD_SERVICE_PORT=8000]}
  - title:
      en: Clean up by label
      zh-TW: 用標籤一次清掉
    narration:
      en: |
        One label selector finds everything the walk-through made, of several kinds at once.
      zh-TW: |
        一個標籤選擇器就能一次找出（和刪掉）這次建立的各種物件。
    action:
      run:
        - kubectl get pods,services -l app
        - kubectl delete services,deployments,pods -l app
    checks:
      - pod: {name: alpaca-prod, exists: false}
      - service: {name: alpaca-prod, exists: false}
`;
