/** Built-in scenario: a Deployment's rolling update, seen from its Service's endpoints. */
export const rollingUpdateScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: rolling-update
  level: intermediate
title:
  en: Rolling update and endpoint churn
  zh-TW: 滾動更新與端點變化
description:
  en: Change a Deployment's image and watch old pods leave and new pods join the Service, a few at a time.
  zh-TW: 更新 Deployment 的映像檔，看舊 Pod 一個個離開、新 Pod 一個個加入 Service。
cluster:
  seed: 5
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    labels: {app: web}
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
warmUp: 15s
steps:
  - title:
      en: Three pods behind the Service
      zh-TW: Service 後面有三個 Pod
    narration:
      en: |
        The Deployment keeps three replicas through a ReplicaSet; the Service selects them by \`app=web\`.
      zh-TW: |
        Deployment 透過 ReplicaSet 維持三個副本；Service 用 \`app=web\` 選到它們。
    action:
      run: kubectl get pods -l app=web -o wide
    checks:
      - pods: {selector: app=web, count: 3, ready: 3}
      - endpoints: {service: web, ready: 3}
  - title:
      en: Roll out a new image
      zh-TW: 換新的映像檔
    narration:
      en: |
        **kubectl set image** changes the pod template, so the Deployment creates a new ReplicaSet and scales
        it up while scaling the old one down (25% max surge, 25% max unavailable by default). The watch in the
        background shows the endpoints change as each new pod becomes Ready and each old one terminates.
      zh-TW: |
        **kubectl set image** 會改到 Pod 範本，Deployment 就建立新的 ReplicaSet，
        一邊擴增新的、一邊縮減舊的（預設 max surge 25%、max unavailable 25%）。
        背景的 watch 會顯示每個新 Pod Ready、每個舊 Pod 結束時 Endpoints 的變化。
    action:
      run:
        - kubectl get endpoints web --watch &
        - kubectl set image deployment/web nginx=nginx:1.28
        - kubectl rollout status deployment/web
        - kill %1
    focus: [service/web, panel:endpoints]
    checks:
      - pods: {selector: app=web, count: 3, ready: 3}
      - endpoints: {service: web, ready: 3}
      - output: {command: kubectl get deployment web -o wide, contains: nginx:1.28}
  - title:
      en: Two ReplicaSets
      zh-TW: 兩個 ReplicaSet
    narration:
      en: |
        The old ReplicaSet is kept at 0 replicas for a rollback; the new one owns the three pods.
      zh-TW: |
        舊的 ReplicaSet 縮到 0 但保留著，方便回復；新的擁有這三個 Pod。
    action:
      run:
        - kubectl get replicasets -l app=web
        - kubectl rollout history deployment/web
    checks:
      - output: {command: kubectl get replicasets, contains: ["0         0         0"]}
  - title:
      en: Roll back
      zh-TW: 回復上一版
    narration:
      en: |
        **kubectl rollout undo** scales the previous ReplicaSet back up: the same churn, in reverse.
      zh-TW: |
        **kubectl rollout undo** 會把前一個 ReplicaSet 再擴增回來：同樣的變化，方向相反。
    action:
      run:
        - kubectl rollout undo deployment/web
        - kubectl rollout status deployment/web
    checks:
      - pods: {selector: app=web, count: 3, ready: 3}
      - output: {command: kubectl get deployment web -o wide, contains: nginx:1.27}
`;
