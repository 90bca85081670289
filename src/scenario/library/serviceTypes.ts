/** Built-in scenario: the five kinds of Service side by side, in front of the same pods. */
export const serviceTypesScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: service-types
  level: beginner
title:
  en: The five Service types side by side
  zh-TW: 五種 Service 一次看
description:
  en: ClusterIP, NodePort, LoadBalancer, ExternalName and headless, in front of the same two pods.
  zh-TW: ClusterIP、NodePort、LoadBalancer、ExternalName 和 headless，全部接在同樣兩個 Pod 前面。
cluster:
  seed: 2
  loadBalancer: {enabled: true, poolStart: 172.18.255.200, poolEnd: 172.18.255.250}
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
              - containerPort: 80
warmUp: 15s
steps:
  - title:
      en: ClusterIP, the default
      zh-TW: ClusterIP（預設）
    narration:
      en: |
        A Service without \`type\` is a **ClusterIP**: a virtual IP reachable only from inside the cluster.
        \`port\` is what clients call, \`targetPort\` the pods' port.
      zh-TW: |
        沒寫 \`type\` 的 Service 就是 **ClusterIP**：只有叢集內部連得到的虛擬 IP。
        \`port\` 是用戶端連的埠，\`targetPort\` 是 Pod 的埠。
    action:
      apply: |
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector: {app: web}
          ports:
            - port: 80
              targetPort: 80
    focus: [service/web]
    checks:
      - service: {name: web, type: ClusterIP, clusterIP: set, nodePort: false}
      - endpoints: {service: web, ready: 2}
  - title:
      en: NodePort
      zh-TW: NodePort
    narration:
      en: |
        A **NodePort** Service is a ClusterIP plus a port (30000-32767 by default) opened on every node.
      zh-TW: |
        **NodePort** 就是 ClusterIP 再加上每個節點都會開的一個埠（預設範圍 30000-32767）。
    action:
      apply: |
        apiVersion: v1
        kind: Service
        metadata:
          name: web-nodeport
        spec:
          type: NodePort
          selector: {app: web}
          ports:
            - port: 80
    focus: [service/web-nodeport]
    checks:
      - service: {name: web-nodeport, type: NodePort, clusterIP: set, nodePort: true}
      - endpoints: {service: web-nodeport, ready: 2}
  - title:
      en: LoadBalancer
      zh-TW: LoadBalancer
    narration:
      en: |
        A **LoadBalancer** is a NodePort plus an external address from a load-balancer implementation (a cloud,
        or MetalLB on kind). Until it answers, EXTERNAL-IP reads \`<pending>\`.
      zh-TW: |
        **LoadBalancer** 是 NodePort 再加上一個由負載平衡器實作（雲端，或 kind 上的 MetalLB）給的外部位址。
        在它回應之前 EXTERNAL-IP 會顯示 \`<pending>\`。
    action:
      apply: |
        apiVersion: v1
        kind: Service
        metadata:
          name: web-lb
        spec:
          type: LoadBalancer
          selector: {app: web}
          ports:
            - port: 80
    focus: [service/web-lb]
    checks:
      - service: {name: web-lb, type: LoadBalancer, nodePort: true}
      - output: {command: kubectl get service web-lb, contains: <pending>}
  - title:
      en: The external address arrives
      zh-TW: 外部位址到了
    narration:
      en: |
        A few seconds later the load balancer has answered: EXTERNAL-IP is the first address of the pool.
      zh-TW: |
        幾秒後負載平衡器回應了：EXTERNAL-IP 是位址池裡的第一個位址。
    action:
      run:
        - sleep 5s
        - kubectl get service web-lb
    focus: [service/web-lb]
    checks:
      - output: {command: kubectl get service web-lb, contains: 172.18.255.200, notContains: <pending>}
      - endpoints: {service: web-lb, ready: 2}
  - title:
      en: ExternalName
      zh-TW: ExternalName
    narration:
      en: |
        An **ExternalName** Service has no IP and no endpoints: cluster DNS answers its name with a CNAME to
        \`externalName\`.
      zh-TW: |
        **ExternalName** 沒有 IP 也沒有 Endpoints：叢集 DNS 查這個名字時，會回一筆指向 \`externalName\` 的 CNAME。
    action:
      run: kubectl create service externalname web-external --external-name=www.example.com
    focus: [service/web-external]
    checks:
      - service: {name: web-external, type: ExternalName}
      - output: {command: kubectl get service web-external, contains: www.example.com}
  - title:
      en: Headless
      zh-TW: Headless
    narration:
      en: |
        With \`clusterIP: None\` the Service is **headless**: no virtual IP, no kube-proxy rules; DNS answers
        with the ready pods' own IPs. Endpoints are kept as for any Service with a selector.
      zh-TW: |
        設定 \`clusterIP: None\` 就是 **headless** Service：沒有虛擬 IP，kube-proxy 也不寫規則；
        DNS 直接回 Ready 的 Pod IP。有 selector 的話，Endpoints 照樣會維護。
    action:
      apply: |
        apiVersion: v1
        kind: Service
        metadata:
          name: web-headless
        spec:
          clusterIP: None
          selector: {app: web}
          ports:
            - port: 80
    focus: [service/web-headless]
    checks:
      - service: {name: web-headless, type: ClusterIP, clusterIP: None}
      - endpoints: {service: web-headless, ready: 2}
  - title:
      en: All five together
      zh-TW: 五種擺在一起
    narration:
      en: |
        Compare the columns: CLUSTER-IP (\`None\` for headless, none at all for ExternalName), EXTERNAL-IP and
        the \`port:nodePort\` pairs.
      zh-TW: |
        比較各欄：CLUSTER-IP（headless 是 \`None\`，ExternalName 根本沒有）、EXTERNAL-IP，
        還有 \`port:nodePort\` 的對應。
    action:
      run: kubectl get services -o wide
    checks:
      - output: {command: kubectl get services, contains: [web-nodeport, web-lb, web-external, web-headless]}
`;
