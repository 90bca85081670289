kubectl logs --namespace=kube-system -l k8s-app=kube-dns
kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --command -- sleep infinity
kubectl wait --for=condition=Ready pod/dnsutils
KUBE_EDITOR="sed -i 's/    errors/    log\n    errors/'" kubectl -n kube-system edit configmap coredns
sleep 100
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --tail=3 --prefix
kubectl get pod dnsutils -o wide
kubectl exec -i -t dnsutils -- nslookup kubernetes.default
kubectl exec dnsutils -- dig +short kubernetes.default.svc.cluster.local
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --prefix --tail=4
KUBE_EDITOR="sed -i 's/^        log$//'" kubectl -n kube-system edit configmap coredns
sleep 100
kubectl exec dnsutils -- nslookup kubernetes.default
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --prefix --tail=3
KUBE_EDITOR="sed -i 's/^    }$//'" kubectl -n kube-system edit configmap coredns
sleep 100
kubectl logs --namespace=kube-system -l k8s-app=kube-dns --prefix --tail=1
