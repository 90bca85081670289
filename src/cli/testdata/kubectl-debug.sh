kubectl run web --image=nginx:1.27 --labels=app=web
kubectl expose pod web --port=80
sleep 30
kubectl debug -it web --image=busybox:1.28 --target=web -- nslookup web.default
kubectl debug web -c sleeper --image=busybox:1.36 --profile=general -- sleep 1d
kubectl debug -it web -c shell --image=busybox:1.36 --profile=netadmin
hostname
wget -qO- web | grep title
exit
sleep 5
kubectl get pod web
kubectl get pod web -o jsonpath='{range .status.ephemeralContainerStatuses[*]}{.name}{" "}{.state}{"\n"}{end}'
kubectl describe pod web | grep -A12 'Ephemeral Containers:'
kubectl logs web -c debugger-2lgxr | head -2
kubectl get events --field-selector involvedObject.fieldPath='spec.ephemeralContainers{sleeper}' -o custom-columns=REASON:.reason,MESSAGE:.message
kubectl debug web -c shell --image=busybox:1.36 --profile=general
kubectl debug web --image=busybox:1.36 --target=nope --profile=general
kubectl debug node/kind-worker -it --image=busybox:1.36 --profile=general
