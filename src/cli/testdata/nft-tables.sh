# nft on a kind node: iptables mode (the default) leaves only the tables iptables-nft made
docker exec kind-worker nft list tables
docker exec kind-worker nft list ruleset
docker exec kind-worker nft list table ip kube-proxy
docker exec kind-worker nft list tables ip6
docker exec kind-worker nft list
