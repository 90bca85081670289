# the same Service under nftables (kind config networking.kubeProxyMode: nftables)
kubectl create deployment nginx --image=nginx --replicas=2
kubectl expose deployment nginx --port=80
sleep 30
docker exec kind-worker nft list table ip kube-proxy | grep -e nginx -e numgen
# cluster-ips-check: a ClusterIP on a port it does not serve is rejected; an address no Service holds is dropped
kubectl run client --image=curlimages/curl --command -- sleep 1d
sleep 10
kubectl exec client -- curl -sS -m 2 nginx:8080
kubectl exec client -- curl -sS -m 2 10.96.200.200
docker exec kind-worker nft list chain ip kube-proxy cluster-ips-check
