/**
 * "Export for a real cluster" (issue 10 §5): in the NodePort-on-kind scenario, after the Service's nodePort was
 * pinned to the port kind publishes, the Share dialog downloads a zip whose kind.yaml has the same nodes and
 * extraPortMappings and whose manifests.yaml has the Service and Deployment without the fields the cluster set.
 */
import { expect, test } from './fixtures/test';
import { Scenarios } from './pages/Scenarios';

test('Share → Export for a real cluster downloads kind.yaml and manifests.yaml', async ({ page }) => {
  test.setTimeout(120_000);
  const s = new Scenarios(page);
  await s.openAsNewVisitor();
  await page.getByTestId('scenarios-button').click();
  await s.card('nodeport-on-kind').click();
  await page.getByTestId('step-jump').selectOption('5');
  await expect(s.stepTitle).toContainText('Step 6 of 6');
  const { fileName, files } = await s.exportRealCluster();
  expect(fileName).toBe('nodeport-on-kind-kind.zip');
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'kind.yaml', 'manifests.yaml']);
  const kind = files['kind.yaml'];
  expect(kind).toContain('apiVersion: kind.x-k8s.io/v1alpha4');
  expect(kind.match(/role: (control-plane|worker)/g)).toEqual(['role: control-plane', 'role: worker', 'role: worker']);
  expect(kind).toMatch(/extraPortMappings:\n {2}- containerPort: 30080\n {4}hostPort: 30080/);
  expect(kind).toContain('kubeProxyMode: iptables');
  const manifests = files['manifests.yaml'];
  expect(manifests).toContain('kind: Deployment');
  expect(manifests).toContain('nodePort: 30080');
  for (const serverSet of ['uid:', 'resourceVersion:', 'creationTimestamp:', 'status:', 'clusterIP:', 'kind: ReplicaSet', 'kind: Pod']) expect(manifests).not.toContain(serverSet);
  await expect(page.getByTestId('share-dialog').getByRole('status').last()).toContainText('kind create cluster --config kind.yaml');
});
