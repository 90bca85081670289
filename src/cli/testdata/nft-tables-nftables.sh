# nft on a kind node in nftables mode: kube-proxy's table beside iptables-nft's, and a NodePort Service with
# externalTrafficPolicy: Local whose only pod runs on another node: its NodePort is a drop element here
docker exec kind-worker nft list tables
kubectl create deployment web --image=nginx --replicas=1
kubectl expose deployment web --port=80 --type=NodePort
kubectl patch service web -p '{"spec":{"externalTrafficPolicy":"Local"}}'
sleep 30
kubectl get pods -o wide
docker exec kind-worker nft list ruleset | grep -e 'default/web' -e '^table' -e 'Drop traffic'
docker exec kind-worker2 nft list ruleset | grep -e 'default/web' -e '^table' -e 'Drop traffic'
# one chain, in its table's bare declaration (nftables src/rule.c do_list_chain); a chain or table it lacks
docker exec kind-worker nft list chain kube-proxy nat-output
docker exec kind-worker nft list chain ip kube-proxy no-such-chain
docker exec kind-worker nft list chain ip no-such-table services
