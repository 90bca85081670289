/** Built-in scenario: the seed author's question — why `curl localhost:<nodePort>` fails on kind, and the fix. */
export const nodePortOnKindScenario = `apiVersion: svcsim.dev/v1alpha1
kind: Scenario
metadata:
  name: nodeport-on-kind
  level: beginner
title:
  en: Why can't I reach my NodePort on kind?
  zh-TW: 為什麼在 kind 上連不到我的 NodePort？
description:
  en: curl localhost:NODEPORT fails from your machine because kind's nodes are containers; a node IP works, and extraPortMappings makes localhost work.
  zh-TW: 在自己電腦上 curl localhost:NODEPORT 會失敗，因為 kind 的節點是容器；用節點 IP 可以連，加上 extraPortMappings 之後 localhost 也能連。
cluster:
  seed: 10
  kind:
    kind: Cluster
    apiVersion: kind.x-k8s.io/v1alpha4
    nodes:
      - role: control-plane
        extraPortMappings:
          - containerPort: 30080
            hostPort: 30080
      - role: worker
      - role: worker
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
warmUp: 30s
steps:
  - title:
      en: Expose it as a NodePort
      zh-TW: 用 NodePort 公開
    narration:
      en: |
        The usual advice: make the Service a **NodePort** and open \`localhost:<nodePort>\`. Here the port is
        31080 (without \`nodePort:\`, Kubernetes picks one from 30000-32767).
      zh-TW: |
        常見的建議：把 Service 設成 **NodePort**，然後打開 \`localhost:<nodePort>\`。這裡的埠是 31080
        （沒寫 \`nodePort:\` 的話，Kubernetes 會從 30000-32767 之間挑一個）。
    action:
      apply: |
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          type: NodePort
          selector: {app: web}
          ports:
            - port: 80
              nodePort: 31080
    focus: [service/web]
    checks:
      - service: {name: web, type: NodePort, nodePort: true}
      - endpoints: {service: web, ready: 2}
  - title:
      en: "curl localhost:31080: connection refused"
      zh-TW: curl localhost:31080：連線被拒
    narration:
      en: |
        On your machine, \`curl localhost:31080\` fails: "Failed to connect to localhost port 31080 … Couldn't
        connect to server". A NodePort opens on the **nodes**, and a kind node is a Docker container, not your
        machine. Nothing listens on your machine's port 31080.
      zh-TW: |
        在你的電腦上執行 \`curl localhost:31080\` 會失敗：「Failed to connect to localhost port 31080 … Couldn't
        connect to server」。NodePort 開在 **節點** 上，而 kind 的節點是 Docker 容器，不是你的電腦。
        你電腦的 31080 埠上什麼都沒有。
    action:
      run: svcsim trace localhost:31080 --from host
    focus: [service/web]
    checks:
      - traffic: {outcome: refused}
  - title:
      en: What docker publishes
      zh-TW: docker 對外公開了什麼
    narration:
      en: |
        \`docker ps\` shows what reaches your machine: the control plane publishes the API server
        (\`127.0.0.1:…->6443/tcp\`, so kubectl works) and this cluster's \`extraPortMappings\` entry,
        \`0.0.0.0:30080->30080/tcp\`. Port 31080 is not there.
      zh-TW: |
        \`docker ps\` 會列出能從你電腦連到的埠：control plane 公開了 API server（\`127.0.0.1:…->6443/tcp\`，
        所以 kubectl 能用），還有這個叢集 \`extraPortMappings\` 設定的 \`0.0.0.0:30080->30080/tcp\`。
        沒有 31080。
    action:
      run: docker ps
    checks:
      - output: {command: docker ps, contains: ["->6443/tcp", "0.0.0.0:30080->30080/tcp"], notContains: ["31080"]}
  - title:
      en: A node's IP works (on Linux)
      zh-TW: 用節點 IP 可以連（在 Linux 上）
    narration:
      en: |
        The nodes sit on Docker's \`kind\` network (172.18.0.0/16), which a Linux machine can route to:
        \`curl 172.18.0.3:31080\` reaches kube-proxy's NodePort rules on kind-worker and a pod answers. (With
        Docker Desktop on macOS or Windows the nodes live in a VM and this network is not reachable — there only
        a published port helps.) Find the IPs with \`kubectl get nodes -o wide\`.
      zh-TW: |
        節點在 Docker 的 \`kind\` 網路（172.18.0.0/16）上，Linux 主機可以直接路由過去：
        \`curl 172.18.0.3:31080\` 會進到 kind-worker 上 kube-proxy 的 NodePort 規則，由某個 Pod 回應。
        （macOS 或 Windows 的 Docker Desktop 把節點放在虛擬機裡，連不到這個網路——那就只能靠公開的埠。）
        節點 IP 可以用 \`kubectl get nodes -o wide\` 查。
    action:
      run:
        - kubectl get nodes -o wide
        - svcsim trace 172.18.0.3:31080 --from host
    focus: [service/web, node/kind-worker]
    checks:
      - output: {command: kubectl get nodes -o wide, contains: [172.18.0.3]}
      - traffic: {outcome: connected}
  - title:
      en: "The fix: extraPortMappings and a fixed nodePort"
      zh-TW: 解法：extraPortMappings 加上固定的 nodePort
    narration:
      en: |
        kind publishes a node port on localhost only when the cluster is **created** with it:

        \`\`\`yaml
        nodes:
          - role: control-plane
            extraPortMappings:
              - containerPort: 30080
                hostPort: 30080
        \`\`\`

        This cluster has that mapping, so pin the Service's \`nodePort\` to 30080 (edit 31080 → 30080).
        Then \`curl localhost:30080\` goes through docker to the control-plane node's port 30080, and kube-proxy's
        rules there send it to a pod.
      zh-TW: |
        kind 只有在 **建立** 叢集時就設定好，才會把節點的埠公開到 localhost：

        \`\`\`yaml
        nodes:
          - role: control-plane
            extraPortMappings:
              - containerPort: 30080
                hostPort: 30080
        \`\`\`

        這個叢集已經有這個對應，所以把 Service 的 \`nodePort\` 固定成 30080（把 31080 改成 30080）。
        之後 \`curl localhost:30080\` 會經過 docker 到 control-plane 節點的 30080 埠，再由那裡的 kube-proxy
        規則送到 Pod。
    action:
      edit: {command: kubectl edit service web, from: "nodePort: 31080", to: "nodePort: 30080"}
    focus: [service/web]
    checks:
      - output: {command: kubectl get service web, contains: ["80:30080/TCP"]}
  - title:
      en: "curl localhost:30080 works"
      zh-TW: curl localhost:30080 成功了
    narration:
      en: |
        kube-proxy rewrites its rules for the new port at most once a second (\`minSyncPeriod: 1s\`); after that,
        localhost reaches the cluster. Export this scenario for a real cluster (Share → Export for a real
        cluster) and the same kind config and Service work with \`kind create cluster --config kind.yaml\`.
      zh-TW: |
        kube-proxy 最多每秒重寫一次規則（\`minSyncPeriod: 1s\`）；一秒之後，localhost 就連得到叢集了。把這個情境匯出到真實叢集（分享 → 匯出到真實叢集），同樣的 kind 設定和
        Service 用 \`kind create cluster --config kind.yaml\` 也能重現。
    action:
      run:
        - sleep 1s
        - svcsim trace localhost:30080 --from host
    focus: [service/web]
    checks:
      - traffic: {outcome: connected}
`;
