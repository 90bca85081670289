/**
 * The images a kind v0.30 node image (kindest/node:v1.34.0) ships: kubeadm's control-plane and add-on images
 * for 1.34 (kubernetes/kubernetes `cmd/kubeadm/app/constants/constants.go`: etcd 3.6.4-0, CoreDNS v1.12.1) and
 * kind's own CNI and storage images (kubernetes-sigs/kind `pkg/build/nodeimage/const_cni.go`, `const_storage.go`).
 */

export function controlPlaneImage(component: string, version: string): string {
  return `registry.k8s.io/${component}:${version}`;
}

export const etcdImage = 'registry.k8s.io/etcd:3.6.4-0';
export const coreDnsImage = 'registry.k8s.io/coredns/coredns:v1.12.1';
export const kindnetdImage = 'docker.io/kindest/kindnetd:v20250512-df8de77b';
export const localPathProvisionerImage = 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a';
export const localPathHelperImage = 'docker.io/kindest/local-path-helper:v20241212-8ac705d0';
