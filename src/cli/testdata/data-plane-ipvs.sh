# the same Service under IPVS (kind config networking.kubeProxyMode: ipvs)
kubectl create deployment nginx --image=nginx --replicas=3
kubectl expose deployment nginx --port=80
sleep 30
docker exec kind-worker ipvsadm -Ln
docker exec kind-worker ip addr show kube-ipvs0
docker exec kind-worker ipset list KUBE-CLUSTER-IP
docker exec kind-worker nft list table ip kube-proxy
docker exec kind-worker iptables -t nat -S KUBE-SERVICES
