# echo-style apps say which pod answered and from where the request came: agnhost netexec, traefik/whoami, hashicorp/http-echo
kubectl create deployment netexec --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --replicas=3 -- /agnhost netexec --http-port=8080
kubectl expose deployment netexec --port=80 --target-port=8080
kubectl create deployment whoami --image=traefik/whoami --replicas=2
kubectl expose deployment whoami --port=80
kubectl run echo --image=hashicorp/http-echo -- '-text=hello from http-echo'
kubectl expose pod echo --port=5678
kubectl run words --image=hashicorp/http-echo -- -text=hello from http-echo
kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.39
sleep 30
kubectl get pods -o wide
kubectl exec client -- curl -s http://netexec/hostname
kubectl exec client -- curl -s http://netexec/hostname
kubectl exec client -- curl -s http://netexec/hostname
kubectl exec client -- curl -s http://netexec/hostname
kubectl exec client -- curl -s netexec/clientip
kubectl exec client -- curl -s 'netexec/echo?msg=hello+there'
kubectl exec client -- curl -s netexec/
kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\n' netexec/healthz
kubectl exec client -- curl -s whoami
kubectl exec client -- curl -s echo:5678
kubectl exec client -- curl -s echo:5678/anything
kubectl logs echo
kubectl logs words
kubectl expose deployment netexec --name=netexec-np --type=NodePort --port=80 --target-port=8080
NODEPORT=$(kubectl get svc netexec-np -o jsonpath='{.spec.ports[0].nodePort}')
HOSTIP=$(kubectl get pod client -o jsonpath='{.status.hostIP}')
kubectl exec client -- curl -s http://$HOSTIP:$NODEPORT/clientip
kubectl exec client -- curl -s http://$HOSTIP:$NODEPORT/hostname
kubectl logs client
kubectl exec client -- dig SRV _https._tcp.kubernetes.default.svc.cluster.local
kubectl exec client -- dig _https._tcp.kubernetes.default.svc.cluster.local +short srv
svcsim load netexec -n 30 --from client
# another node's IP:NodePort: the packet crosses to kind-control-plane, whose own NodePort rules DNAT it to a netexec pod on a worker
OTHERIP=$(kubectl get node kind-control-plane -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}')
kubectl exec client -- curl -s http://$OTHERIP:$NODEPORT/clientip
kubectl exec client -- curl -s http://$OTHERIP:$NODEPORT/hostname
svcsim trace http://$OTHERIP:$NODEPORT/ --from client
