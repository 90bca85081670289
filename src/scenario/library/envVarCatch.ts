/** Built-in scenario: Service environment variables exist only for Services older than the container. */
export const envVarCatchScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: env-var-catch
  level: beginner
title:
  en: "The env-var catch: Service created after the pod"
  zh-TW: 環境變數的陷阱：Service 比 Pod 晚建立
description:
  en: A pod started before its Service has no BACKEND_SERVICE_HOST; restart it and the variables appear.
  zh-TW: 比 Service 先啟動的 Pod 沒有 BACKEND_SERVICE_HOST；重建 Pod 之後變數才會出現。
cluster:
  seed: 7
manifests: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: backend
    labels: {app: backend}
  spec:
    containers:
      - name: kuard
        image: gcr.io/kuar-demo/kuard-amd64:blue
        ports:
          - containerPort: 8080
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: client
    labels: {role: client}
  spec:
    containers:
      - name: shell
        image: busybox:1.36
        command: [sleep, infinity]
warmUp: 15s
steps:
  - title:
      en: Create the Service now
      zh-TW: 現在才建立 Service
    narration:
      en: |
        Both pods are running. Now expose the backend.
      zh-TW: |
        兩個 Pod 都已經在跑了。現在才把 backend 公開成 Service。
    action:
      run: kubectl expose pod backend --port=80 --target-port=8080
    focus: [service/backend]
    checks:
      - endpoints: {service: backend, ready: 1}
  - title:
      en: The client does not see it
      zh-TW: client 看不到它
    narration:
      en: |
        The kubelet writes Service variables into a container's environment **once, when it starts**. The
        client started before the Service existed, so there is no \`BACKEND_SERVICE_HOST\`: only the
        \`kubernetes\` Service's variables. (DNS has no such catch: a name resolves whenever the Service exists.)
      zh-TW: |
        kubelet 只在 **容器啟動時** 把 Service 寫進環境變數，而且只寫一次。client 啟動時 Service 還不存在，
        所以沒有 \`BACKEND_SERVICE_HOST\`，只有 \`kubernetes\` 這個 Service 的變數。
        （DNS 沒有這個問題：只要 Service 存在，名稱就查得到。）
    action:
      run: kubectl exec client -- env
    checks:
      - output: {command: kubectl exec client -- env, contains: KUBERNETES_SERVICE_HOST=, notContains: BACKEND_SERVICE_HOST}
  - title:
      en: Recreate the client
      zh-TW: 重建 client
    narration:
      en: |
        Delete the pod and create it again (a Deployment would do this for you on a rollout). The busybox
        \`sleep\` ignores SIGTERM, so the deletion waits out the 30 s grace period.
      zh-TW: |
        刪掉 Pod 再重建一次（如果是 Deployment，rollout 時會幫你做）。busybox 的 \`sleep\` 不理會 SIGTERM，
        所以刪除會等完 30 秒的寬限期。
    action:
      run:
        - kubectl delete pod client
        - kubectl run client --image=busybox:1.36 --labels=role=client -- sleep infinity
        - kubectl wait --for=condition=Ready pod/client
    checks:
      - pod: {name: client, phase: Running, ready: true}
  - title:
      en: Now the variables are there
      zh-TW: 現在變數出現了
    narration:
      en: |
        The new container started after the Service, so it has \`BACKEND_SERVICE_HOST\`, \`BACKEND_SERVICE_PORT\`
        and the \`BACKEND_PORT_80_TCP…\` family.
      zh-TW: |
        新的容器是在 Service 之後啟動的，所以有 \`BACKEND_SERVICE_HOST\`、\`BACKEND_SERVICE_PORT\`，
        以及 \`BACKEND_PORT_80_TCP…\` 這一系列變數。
    action:
      run: kubectl exec client -- env
    checks:
      - output: {command: kubectl exec client -- env, contains: [BACKEND_SERVICE_HOST=, BACKEND_SERVICE_PORT=80, BACKEND_PORT_80_TCP_PORT=80]}
`;
