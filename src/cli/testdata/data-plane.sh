# the data plane of a three-endpoint Service, as kind users look at it
kubectl create deployment nginx --image=nginx --replicas=3
kubectl expose deployment nginx --port=80 --type=NodePort
sleep 30
kubectl get endpointslices -l kubernetes.io/service-name=nginx
docker ps
docker exec kind-worker iptables-save -t nat | grep nginx
docker exec kind-worker iptables -t nat -S KUBE-NODEPORTS
docker exec kind-worker iptables -t nat -L KUBE-SERVICES -n
docker exec kind-worker iptables -t nat -L KUBE-NOPE -n
docker exec kind-worker ipvsadm -Ln
docker exec kind-worker ip addr show eth0
docker exec kind-worker ip route
docker exec kind-worker curl http://nginx
docker exec kind-nope iptables-save
kubectl scale deployment nginx --replicas=0
sleep 40
docker exec kind-worker iptables-save -t filter | grep nginx
