/**
 * `kubectl explain` end to end on the schemas svcsim carries (src/shared/generated/kubernetes.explain.json, made by
 * scripts/generateExplainSchema.ts from @kubernetes/client-node's v1.34.0 models); explainRenderers.test.ts checks
 * the renderers against kubectl v0.34.0's template on made-up documents. Known gap versus a real 1.34 apiserver:
 * client-node's models have no enum lists (so no ENUM or `enum:` lines and no "Possible enum values" paragraph), no
 * description on a field of a named type (`<no description>`, or only the type's description under DESCRIPTION),
 * and descriptions without their line breaks. These tests pin what svcsim prints from that data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../engine';
import { runKubectl } from '../kubectl';
import { complete } from '../completion';
import { loadExplainDocument } from './explainDocument';

/** Lines joined with newlines; kubectl's blank lines inside a description keep their indentation. */
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('kubectl explain on svcsim’s schemas', () => {
  const cluster = new Cluster({});
  const explain = (...args: string[]) => runKubectl({ cluster }, ['explain', ...args]);

  beforeAll(async () => {
    await loadExplainDocument();
  });

  it('explains an enum field without ENUM lines: client-node’s models carry no enum', () => {
    const r = explain('svc.spec.type');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      lines(
        'KIND:       Service',
        'VERSION:    v1',
        '',
        'FIELD: type <string>',
        '',
        '',
        'DESCRIPTION:',
        '    type determines how the Service is exposed. Defaults to ClusterIP. Valid',
        '    options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP"',
        '    allocates a cluster-internal IP address for load-balancing to endpoints.',
        '    Endpoints are determined by the selector or if that is not specified, by',
        '    manual construction of an Endpoints object or EndpointSlice objects. If',
        '    clusterIP is "None", no virtual IP is allocated and the endpoints are',
        '    published as a set of endpoints rather than a virtual IP. "NodePort" builds',
        '    on ClusterIP and allocates a port on every node which routes to the same',
        '    endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an',
        '    external load-balancer (if supported in the current cloud) which routes to',
        '    the same endpoints as the clusterIP. "ExternalName" aliases this service to',
        '    the specified externalName. Several other fields do not apply to',
        '    ExternalName services. More info:',
        '    https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
        '    ',
        '',
      ),
    );
    expect(r.exitCode).toBe(0);
  });

  it('explains a field of a named type with only the type’s description: client-node has none for such fields', () => {
    expect(explain('deploy.spec.strategy').stdout).toBe(
      lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    <no description>',
        '',
        '  type\t<string>',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '',
        '',
      ),
    );
  });

  it('explains an array of objects: []Kind, the item type described after the field, -required- fields', () => {
    expect(explain('pod.spec.containers.ports').stdout).toBe(
      lines(
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: ports <[]ContainerPort>',
        '',
        '',
        'DESCRIPTION:',
        '    List of ports to expose from the container. Not specifying a port here DOES',
        '    NOT prevent that port from being exposed. Any port which is listening on the',
        '    default "0.0.0.0" address inside a container will be accessible from the',
        '    network. Modifying this array with strategic merge patch may corrupt the',
        '    data. For more information See',
        '    https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.',
        '    ContainerPort represents a network port in a single container.',
        '    ',
        'FIELDS:',
        '  containerPort\t<integer> -required-',
        "    Number of port to expose on the pod's IP address. This must be a valid port",
        '    number, 0 < x < 65536.',
        '',
        '  hostIP\t<string>',
        '    What host IP to bind the external port to.',
        '',
        '  hostPort\t<integer>',
        '    Number of port to expose on the host. If specified, this must be a valid',
        '    port number, 0 < x < 65536. If HostNetwork is specified, this must match',
        '    ContainerPort. Most containers do not need this.',
        '',
        '  name\t<string>',
        '    If specified, this must be an IANA_SVC_NAME and unique within the pod. Each',
        '    named port in a pod must have a unique name. Name for the port that can be',
        '    referred to by services.',
        '',
        '  protocol\t<string>',
        '    Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".',
        '',
        '',
      ),
    );
  });

  it('explains a resource by its short name: no GROUP for the core group, the fields sorted', () => {
    const cm = explain('cm');
    expect(cm.stdout).toBe(
      lines(
        'KIND:       ConfigMap',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    ConfigMap holds configuration data for pods to consume.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  binaryData\t<map[string]string>',
        '    BinaryData contains the binary data. Each key must consist of alphanumeric',
        "    characters, '-', '_' or '.'. BinaryData can contain byte sequences that are",
        '    not in the UTF-8 range. The keys stored in BinaryData must not overlap with',
        '    the ones in the Data field, this is enforced during validation process.',
        '    Using this field will require 1.10+ apiserver and kubelet.',
        '',
        '  data\t<map[string]string>',
        '    Data contains the configuration data. Each key must consist of alphanumeric',
        "    characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use",
        '    the BinaryData field. The keys stored in Data must not overlap with the keys',
        '    in the BinaryData field, this is enforced during validation process.',
        '',
        '  immutable\t<boolean>',
        '    Immutable, if set to true, ensures that data stored in the ConfigMap cannot',
        '    be updated (only object metadata can be modified). If not set to true, the',
        '    field can be modified at any time. Defaulted to nil.',
        '',
        '  kind\t<string>',
        '    Kind is a string value representing the REST resource this object',
        '    represents. Servers may infer this from the endpoint the client submits',
        '    requests to. Cannot be updated. In CamelCase. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        '',
        '  metadata\t<ObjectMeta>',
        '    <no description>',
        '',
        '',
      ),
    );
    // every name discovery knows resolves to the same document
    for (const name of ['configmaps', 'configmap', 'ConfigMap', 'configmaps.']) expect(explain(name).stdout).toBe(cm.stdout);
  });

  it('describes the types client-node inlines (IntOrString) by the text it gives their fields', () => {
    expect(explain('svc.spec.ports.targetPort').stdout).toContain(lines('FIELD: targetPort <IntOrString>', '', '', 'DESCRIPTION:', '    IntOrString is a type that can hold an int32 or a string.  When used in JSON'));
  });

  it('prints the header, then fails on a field the schema lacks, naming the last name of the path', () => {
    const r = explain('pod.spec.foo');
    expect(r.stdout).toBe(lines('KIND:       Pod', 'VERSION:    v1', ''));
    expect(r.stderr).toBe('error: field "foo" does not exist\n');
    expect(r.exitCode).toBe(1);
    // the template follows the path to its end before it complains
    expect(explain('pod.bar.baz').stderr).toBe('error: field "baz" does not exist\n');
  });

  it('fails on an unknown resource as checkErr prints a NoResourceMatchError, without "error: "', () => {
    const r = explain('foo.spec');
    expect(r.stderr).toBe('the server doesn\'t have a resource type "foo"\n');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('checks its arguments, --api-version and --output', () => {
    expect(explain().stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(explain('pods', 'svc').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
    expect(explain('pods', '--api-version=apps/v1').stderr).toBe('error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n');
    expect(explain('pods', '--api-version=batch/v1').stderr).toBe('error: couldn\'t find resource for "batch/v1, Resource=pods"\n');
    expect(explain('deployments', '--api-version=apps/v1').stdout).toBe(explain('deployments').stdout);
    expect(explain('pods', '-o', 'yaml').stderr).toBe('error: unrecognized format: yaml\n');
    // without --api-version a group-qualified name is recognised; a singular one is not a prefix of the path
    expect(explain('deployments.apps.spec.replicas').stdout).toBe(explain('deploy.spec.replicas').stdout);
    expect(explain('deployment.apps.spec').stderr).toBe('error: field "spec" does not exist\n');
  });

  it('prints the field tree with --recursive: two spaces a level, no descriptions, no enum lines', () => {
    const out = explain('svc', '--recursive').stdout;
    expect(out).toContain(
      lines(
        'FIELDS:',
        '  apiVersion\t<string>',
        '  kind\t<string>',
        '  metadata\t<ObjectMeta>',
        '    annotations\t<map[string]string>',
        '    creationTimestamp\t<string>',
      ),
    );
    expect(out).toContain(
      lines(
        '  spec\t<ServiceSpec>',
        '    allocateLoadBalancerNodePorts\t<boolean>',
        '    clusterIP\t<string>',
        '    clusterIPs\t<[]string>',
        '    externalIPs\t<[]string>',
        '    externalName\t<string>',
        '    externalTrafficPolicy\t<string>',
        '    healthCheckNodePort\t<integer>',
      ),
    );
    expect(out).toContain(
      lines('    ports\t<[]ServicePort>', '      appProtocol\t<string>', '      name\t<string>', '      nodePort\t<integer>', '      port\t<integer> -required-', '      protocol\t<string>', '      targetPort\t<IntOrString>'),
    );
    expect(out).toContain(lines('    sessionAffinityConfig\t<SessionAffinityConfig>', '      clientIP\t<ClientIPConfig>', '        timeoutSeconds\t<integer>'));
    expect(out).not.toContain('enum:');
  });

  it('renders the openapiv2 printer with --output=plaintext-openapiv2', () => {
    expect(explain('deploy.spec.strategy', '-o', 'plaintext-openapiv2').stdout).toBe(
      lines(
        'KIND:     Deployment',
        'VERSION:  apps/v1',
        '',
        'RESOURCE: strategy <Object>',
        '',
        // model_printer.go separates descriptions by their index: the field's, empty here, still counts
        'DESCRIPTION:',
        '',
        '     DeploymentStrategy describes how to replace existing pods with new ones.',
        '',
        'FIELDS:',
        '   rollingUpdate\t<Object>',
        '',
        '   type\t<string>',
        '     Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '     RollingUpdate.',
        '',
      ),
    );
    // the v2 lookup stops at a primitive, and reports the first missing name
    expect(explain('svc.spec.type.foo', '-o', 'plaintext-openapiv2').stdout).toContain('FIELD:    foo <string>\n');
    expect(explain('svc.spec.foo.bar', '-o', 'plaintext-openapiv2').stderr).toBe('error: field "foo" does not exist\n');
  });

  it('completes resource types, then the fields of the path', () => {
    expect(complete(cluster, 'kubectl explain dep').items).toEqual(['deploy', 'deployment', 'deployments']);
    expect(complete(cluster, 'kubectl explain svc.spec.ty').items).toEqual(['svc.spec.type']);
    expect(complete(cluster, 'kubectl explain deploy.spec.strategy.').items).toEqual(['deploy.spec.strategy.rollingUpdate', 'deploy.spec.strategy.type']);
  });
});
