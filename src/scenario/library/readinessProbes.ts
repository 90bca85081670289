/** Built-in scenario: a readiness probe decides whether a pod is one of its Service's ready endpoints. */
export const readinessProbesScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: readiness-probes
  level: intermediate
title:
  en: Readiness probes and endpoints
  zh-TW: Readiness probe 與 Endpoints
description:
  en: Make one kuard pod fail its /ready probe and watch it leave the Service's ready endpoints, then come back.
  zh-TW: 讓一個 kuard Pod 的 /ready 探測失敗，看它從 Service 的 Ready 端點中移除，再回來。
cluster:
  seed: 3
manifests: |
  apiVersion: v1
  kind: Service
  metadata:
    name: kuard
  spec:
    selector: {app: kuard}
    ports:
      - port: 80
        targetPort: 8080
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: kuard-a
    labels: {app: kuard}
  spec:
    containers:
      - name: kuard
        image: gcr.io/kuar-demo/kuard-amd64:blue
        ports:
          - containerPort: 8080
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
          periodSeconds: 2
          failureThreshold: 3
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: kuard-b
    labels: {app: kuard}
  spec:
    containers:
      - name: kuard
        image: gcr.io/kuar-demo/kuard-amd64:blue
        ports:
          - containerPort: 8080
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
          periodSeconds: 2
          failureThreshold: 3
warmUp: 20s
steps:
  - title:
      en: Two ready pods
      zh-TW: 兩個 Ready 的 Pod
    narration:
      en: |
        Both pods pass their readiness probe (an HTTP GET of kuard's \`/ready\` every 2 s), so both addresses
        are in the Service's Endpoints.
      zh-TW: |
        兩個 Pod 的 readiness probe（每 2 秒對 kuard 的 \`/ready\` 發一次 HTTP GET）都通過，
        所以兩個位址都在 Service 的 Endpoints 裡。
    action:
      run: kubectl get endpoints kuard
    focus: [service/kuard, panel:endpoints]
    checks:
      - endpoints: {service: kuard, ready: 2, notReady: 0}
  - title:
      en: Make kuard-b fail its probe
      zh-TW: 讓 kuard-b 探測失敗
    narration:
      en: |
        In the Inspector, switch kuard-b's **/ready** off: kuard now answers 500. After \`failureThreshold\` (3)
        failed probes the kubelet marks the pod not Ready, and the endpoints controller moves its address to
        **notReadyAddresses**. The pod keeps running: only traffic stops.
      zh-TW: |
        在 Inspector 把 kuard-b 的 **/ready** 關掉：kuard 會開始回 500。連續失敗 \`failureThreshold\`（3）次後，
        kubelet 把 Pod 標成 not Ready，endpoints controller 把它的位址移到 **notReadyAddresses**。
        Pod 還在跑，只是不再收到流量。
    action:
      setReady: {pod: kuard-b, ready: false}
    focus: [pod/kuard-b]
  - title:
      en: Let the probes run
      zh-TW: 讓探測跑一下
    narration:
      en: |
        Ten seconds is five probe periods: enough for three failures.
      zh-TW: |
        十秒是五個探測週期，足夠失敗三次。
    action:
      advance: 10s
    focus: [service/kuard, panel:endpoints]
    checks:
      - endpoints: {service: kuard, ready: 1, notReady: 1}
      - pod: {name: kuard-b, phase: Running, ready: false}
      - output: {command: kubectl get pods kuard-b, contains: "0/1     Running"}
  - title:
      en: Recover
      zh-TW: 恢復
    narration:
      en: |
        Switch **/ready** back on. One successful probe (\`successThreshold\` is 1) makes the pod Ready again,
        and its address returns to the ready endpoints.
      zh-TW: |
        把 **/ready** 打開。成功一次（\`successThreshold\` 是 1）Pod 就會重新 Ready，位址也回到 Ready 的端點。
    action:
      setReady: {pod: kuard-b, ready: true}
  - title:
      en: Back to two
      zh-TW: 回到兩個
    narration:
      en: |
        After the next probe both pods serve again.
      zh-TW: |
        下一次探測之後，兩個 Pod 都重新提供服務。
    action:
      run:
        - sleep 4s
        - kubectl describe endpoints kuard
    checks:
      - endpoints: {service: kuard, ready: 2, notReady: 0}
`;
