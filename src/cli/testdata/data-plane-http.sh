# curl and wget inside pods reach a Service through DNS and the node's kube-proxy rules; svcsim load and trace say which pod answered
kubectl create deployment nginx --image=nginx --replicas=3
kubectl expose deployment nginx --port=80
kubectl run app --image=busybox -- sleep 3600
kubectl run web --image=nginx
kubectl run kuard --image=gcr.io/kuar-demo/kuard-amd64:blue
kubectl expose pod kuard --port=8080
sleep 30
kubectl exec app -- wget -qO- http://nginx | head -4
kubectl exec app -- wget -O- nginx.default.svc.cluster.local | tail -3
kubectl exec app -- wget -qO- http://nope
kubectl exec app -- wget -qO- http://nginx/missing
kubectl exec app -- curl nginx
kubectl exec kuard -- wget -qO- http://nginx
kubectl exec app -- wget -qO- http://kuard:8080/healthy
kubectl exec web -- curl -s kuard:8080/ready
kubectl exec web -- curl -s http://nginx.default.svc.cluster.local | grep title
kubectl exec web -- curl -s -o /dev/null -w '%{http_code} %{remote_ip}\n' nginx/missing
kubectl exec web -- curl -fsS nginx/missing
kubectl exec web -- curl nope
svcsim load nginx -n 100 --from app
svcsim trace nginx --from app
kubectl scale deployment nginx --replicas=0
sleep 5
kubectl exec app -- wget -qO- http://nginx
kubectl exec web -- curl http://nginx
kubectl exec web -- curl -s http://nginx
svcsim load nginx -n 10
