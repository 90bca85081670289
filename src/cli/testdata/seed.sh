# The seed note's walk-through as a svcsim shell script.
kubectl run alpaca-prod \
--image=gcr.io/kuar-demo/kuard-amd64:blue \
--port=8000 \
--labels="ver=1,app=alpaca,env=prod"
kubectl expose pod alpaca-prod
kubectl get services -o wide
sleep 10s
kubectl get pods -l app=alpaca -o wide
ALPACA_POD=$(kubectl get pods -l app=alpaca -o jsonpath='{.items[0].metadata.name}')
echo $ALPACA_POD
kubectl describe endpoints alpaca-prod
kubectl get endpoints alpaca-prod --watch &
kubectl delete pods alpaca-prod
kubectl run alpaca-prod --image=gcr.io/kuar-demo/kuard-amd64:blue --port=8080 --labels="ver=1,app=alpaca,env=prod"
sleep 10s
jobs
kill %1
kubectl exec alpaca-prod -- env
kubectl get pods,services -l app
kubectl delete services,deployments,pods -l app
