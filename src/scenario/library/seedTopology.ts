/**
 * The manifest the playground starts with: the seed note's diagram as a cluster. A Service in front of four
 * nginx pods spread over the worker nodes, and an app pod that calls the Service by name.
 * The app pod idles with `sleep infinity` (busybox sleep treats any "inf…" argument as forever — mirror/busybox
 * coreutils/sleep.c), as the DNS debugging pods of the Kubernetes docs do: a `sleep 3600` client would exit and be
 * restarted every hour, which is real change a long `sleep` in the terminal would have to simulate hour by hour.
 */
export const seedTopologyManifest = `# The seed note's picture: APP --> Service --> Nginx pods on three nodes.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 4
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
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
  name: nginx
spec:
  selector:
    app: nginx
  ports:
    - protocol: TCP
      port: 80
      targetPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    role: client
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "infinity"]
`;
