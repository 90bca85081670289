# switch kube-proxy from iptables to IPVS as on a kind cluster: edit the ConfigMap, then restart the DaemonSet
kubectl create deployment nginx --image=nginx --replicas=3
kubectl expose deployment nginx --port=80
sleep 30
kubectl get cm kube-proxy -n kube-system -o yaml | grep mode
KUBE_EDITOR="sed -i 's/mode: iptables/mode: ipvs/'" kubectl edit cm kube-proxy -n kube-system
docker exec kind-worker ipvsadm -Ln
kubectl rollout restart ds/kube-proxy -n kube-system
kubectl rollout status ds/kube-proxy -n kube-system
docker exec kind-worker ipvsadm -Ln | tail -4
docker exec kind-worker ip addr show kube-ipvs0 | head -3
