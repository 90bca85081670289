# the seed's port-forward, then curl on your machine: localhost:48858 reaches kuard while the forward runs
kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --labels="ver=1,app=alpaca,env=prod"
kubectl expose pod alpaca-prod
sleep 30s
curl localhost:48858/healthy
ALPACA_POD=$(kubectl get pods -l app=alpaca -o jsonpath='{.items[0].metadata.name}')
kubectl port-forward $ALPACA_POD 48858:8080 &
curl localhost:48858/healthy
curl -s http://localhost:48858/ready
curl -X PUT -d '{"failNext": 2}' localhost:48858/ready/api
curl localhost:48858/ready
curl localhost:48858/ready
curl localhost:48858/ready
curl http://localhost:48858/env/api
curl localhost:48858/dns/api
curl -d '{"type": "A", "name": "alpaca-prod"}' localhost:48858/dns/api
curl -d '{"type": "SRV", "name": "nope"}' localhost:48858/dns/api
curl -d '{"type": "BOGUS", "name": "x"}' localhost:48858/dns/api
curl localhost:48858/
kubectl logs alpaca-prod --tail=4
kill %1
curl localhost:48858/healthy
kubectl run alpaca-ready --image=gcr.io/kuar-demo/kuard-amd64:blue --labels="ver=1,app=alpaca,env=prod" --overrides='{"spec":{"containers":[{"name":"alpaca-ready","image":"gcr.io/kuar-demo/kuard-amd64:blue","readinessProbe":{"httpGet":{"path":"/ready","port":8080},"periodSeconds":2}}]}}'
sleep 30s
kubectl get ep alpaca-prod
kubectl port-forward alpaca-ready 48859:8080 &
curl -X PUT -d '{"failNext": -1}' localhost:48859/ready/api
sleep 10s
kubectl get ep alpaca-prod
kubectl get pod alpaca-ready
curl -X PUT -d '{"failNext": 0}' localhost:48859/ready/api
sleep 10s
kubectl get ep alpaca-prod
