# the same Service under nftables (kind config networking.kubeProxyMode: nftables)
kubectl create deployment nginx --image=nginx --replicas=2
kubectl expose deployment nginx --port=80
sleep 30
docker exec kind-worker nft list table ip kube-proxy | grep -e nginx -e numgen
