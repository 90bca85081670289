/** The clusters the UI benchmarks load into the playground, as the multi-document YAML a user would apply. */

const pad = (i: number) => String(i).padStart(2, '0');

/** `deployments` nginx Deployments of `replicas` pods, each behind its own Service `web-NN`. */
export function webTier(deployments: number, replicas: number): string {
  const docs: string[] = [];
  for (let i = 0; i < deployments; i++) {
    const name = `web-${pad(i)}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: 80`);
  }
  return `${docs.join('\n---\n')}\n`;
}

/** kuard pods whose readiness follows /ready within one probe period (1 s, one failure is enough). */
export function flippingKuard(replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: flip
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: flip
  template:
    metadata:
      labels:
        app: flip
    spec:
      containers:
        - name: kuard
          image: gcr.io/kuar-demo/kuard-amd64:blue
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
            periodSeconds: 1
            failureThreshold: 1
---
apiVersion: v1
kind: Service
metadata:
  name: flip
spec:
  selector:
    app: flip
  ports:
    - port: 8080
      targetPort: 8080
`;
}
