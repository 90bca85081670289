/** Built-in scenario: a StatefulSet behind a headless Service gives each pod a DNS name of its own. */
export const statefulSetNamesScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: statefulset-stable-names
  level: intermediate
title:
  en: "StatefulSet: a stable DNS name for every pod"
  zh-TW: StatefulSet：每個 Pod 都有固定的 DNS 名稱
description:
  en: A headless Service and a StatefulSet, as in the Kubernetes tutorial; pods start in order and keep their names, and DNS names each one.
  zh-TW: 跟 Kubernetes 教學一樣，一個 headless Service 加上一個 StatefulSet；Pod 依序啟動、名稱固定，DNS 為每一個 Pod 命名。
cluster:
  seed: 12
manifests: |
  apiVersion: v1
  kind: Service
  metadata:
    name: nginx
    labels: {app: nginx}
  spec:
    ports:
      - port: 80
        name: web
    clusterIP: None
    selector: {app: nginx}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    serviceName: nginx
    replicas: 2
    selector:
      matchLabels: {app: nginx}
    template:
      metadata:
        labels: {app: nginx}
      spec:
        containers:
          - name: nginx
            image: registry.k8s.io/nginx-slim:0.21
            ports:
              - containerPort: 80
                name: web
warmUp: 2s
steps:
  - title:
      en: One pod at a time
      zh-TW: 一次一個 Pod
    narration:
      en: |
        A StatefulSet names its pods \`web-0\`, \`web-1\`… instead of random suffixes, and by default
        (\`podManagementPolicy: OrderedReady\`) it creates them in order: \`web-1\` is not even created until
        \`web-0\` is Running and Ready. Two seconds in, only \`web-0\` exists.
      zh-TW: |
        StatefulSet 把 Pod 命名為 \`web-0\`、\`web-1\`……，而不是隨機字尾；預設
        （\`podManagementPolicy: OrderedReady\`）會依序建立：\`web-0\` 變成 Running 而且 Ready 之前，
        \`web-1\` 根本還不會被建立。現在才過兩秒，只有 \`web-0\`。
    action:
      run: kubectl get pods -l app=nginx
    focus: [pod/web-0]
    checks:
      - pod: {name: web-0}
      - pod: {name: web-1, exists: false}
  - title:
      en: Then the next one
      zh-TW: 接著下一個
    narration:
      en: |
        Wait for the rollout. The StatefulSet controller's events show the order: \`create Pod web-0 in
        StatefulSet web successful\`, then \`web-1\` once \`web-0\` was ready. The pods carry their identity in
        labels: \`statefulset.kubernetes.io/pod-name\` and \`apps.kubernetes.io/pod-index\`.
      zh-TW: |
        等 rollout 完成。StatefulSet controller 的事件顯示了順序：先 \`create Pod web-0 in StatefulSet web
        successful\`，等 \`web-0\` Ready 之後才是 \`web-1\`。Pod 的身分寫在標籤裡：
        \`statefulset.kubernetes.io/pod-name\` 和 \`apps.kubernetes.io/pod-index\`。
    action:
      run:
        - kubectl rollout status sts/web
        - kubectl get pods -l app=nginx -L apps.kubernetes.io/pod-index
        - kubectl describe sts web
    focus: [statefulset/web, pod/web-0, pod/web-1]
    checks:
      - pods: {selector: app=nginx, count: 2, ready: 2}
      - output: {command: kubectl describe sts web, contains: [create Pod web-0 in StatefulSet web successful, create Pod web-1 in StatefulSet web successful]}
  - title:
      en: A DNS name for each pod
      zh-TW: 每個 Pod 一個 DNS 名稱
    narration:
      en: |
        The Service is headless (\`clusterIP: None\`): no virtual IP, no kube-proxy rules. CoreDNS answers its
        name with the ready pods' own addresses, and because each pod has \`hostname: web-N\` and
        \`subdomain: nginx\`, it also answers \`web-0.nginx\` with exactly one pod.
      zh-TW: |
        這個 Service 是 headless（\`clusterIP: None\`）：沒有虛擬 IP，也沒有 kube-proxy 規則。CoreDNS 用
        Ready 的 Pod 自己的位址回答它的名稱；而且每個 Pod 都有 \`hostname: web-N\` 和 \`subdomain: nginx\`，
        所以 \`web-0.nginx\` 也查得到，而且只對應一個 Pod。
    action:
      run:
        - kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx
        - kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup nginx
    focus: [service/nginx, panel:dns]
    checks:
      - service: {name: nginx, clusterIP: None}
      - output: {command: kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx, contains: web-0.nginx.default.svc.cluster.local, notContains: web-1.nginx}
      - output: {command: kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup nginx, contains: [web-0.nginx.default.svc.cluster.local, web-1.nginx.default.svc.cluster.local]}
  - title:
      en: Same name after a restart
      zh-TW: 重建之後名稱不變
    narration:
      en: |
        Delete \`web-0\`. The controller creates a new \`web-0\`: same name, same hostname, same DNS name, on
        whatever node the scheduler picks and usually with a new IP. Clients that use \`web-0.nginx\` find it
        again; clients that kept its old IP do not.
      zh-TW: |
        刪掉 \`web-0\`。controller 會建立一個新的 \`web-0\`：名稱、hostname、DNS 名稱都一樣，但排到哪個節點由
        scheduler 決定，IP 通常也會換。用 \`web-0.nginx\` 連線的用戶端會再找到它；記住舊 IP 的就找不到了。
    action:
      run:
        - kubectl delete pod web-0
        - kubectl wait --for=condition=Ready pod/web-0
        - kubectl get pod web-0 -o wide
        - kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx
    focus: [pod/web-0]
    checks:
      - pod: {name: web-0, phase: Running, ready: true}
      - output: {command: kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx, contains: web-0.nginx.default.svc.cluster.local}
  - title:
      en: Scale in from the top
      zh-TW: 從最大的序號開始縮減
    narration:
      en: |
        Scaling in removes the highest ordinal first, one pod at a time, and the headless Service's answer
        shrinks with it: \`nslookup nginx\` now returns \`web-0\` alone.
      zh-TW: |
        縮減時會先移除序號最大的 Pod，一次一個；headless Service 的回答也跟著變少：
        \`nslookup nginx\` 現在只剩下 \`web-0\`。
    action:
      run:
        - kubectl scale sts web --replicas=1
        - kubectl wait --for=delete pod/web-1
        - kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup nginx
    focus: [service/nginx]
    checks:
      - pod: {name: web-1, exists: false}
      - output: {command: kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup nginx, contains: web-0.nginx.default.svc.cluster.local, notContains: web-1.nginx}
`;
