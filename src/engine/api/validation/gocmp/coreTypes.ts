/**
 * The internal `core.PodSpec` of Kubernetes 1.34 (`pkg/apis/core/types.go`) as a Go type model: field order
 * and names as `cmp.Diff` prints them in the Pod update Forbidden message. Internal types differ from v1 in
 * places: host namespaces live in `PodSecurityContext`, probes embed `ProbeHandler`, the deprecated
 * `serviceAccount` field does not exist, `ServiceAccountTokenProjection.ExpirationSeconds` is not a pointer.
 * Rarely diffed sub-trees (affinity, topology spread, ephemeral containers...) are modelled as opaque values.
 */
import { bool, type GoType, int, map, opaque, ptr, quantity, slice, str, struct } from './goTypes';

const localObjectReference = struct('core.LocalObjectReference', [['Name', 'name', str()]]);
const keyToPath = struct('core.KeyToPath', [
  ['Key', 'key', str()],
  ['Path', 'path', str()],
  ['Mode', 'mode', ptr(int())],
]);
const objectFieldSelector = struct('core.ObjectFieldSelector', [
  ['APIVersion', 'apiVersion', str()],
  ['FieldPath', 'fieldPath', str()],
]);
const resourceFieldSelector = struct('core.ResourceFieldSelector', [
  ['ContainerName', 'containerName', str()],
  ['Resource', 'resource', str()],
  ['Divisor', 'divisor', quantity],
]);
const downwardAPIVolumeFile = struct('core.DownwardAPIVolumeFile', [
  ['Path', 'path', str()],
  ['FieldRef', 'fieldRef', ptr(objectFieldSelector)],
  ['ResourceFieldRef', 'resourceFieldRef', ptr(resourceFieldSelector)],
  ['Mode', 'mode', ptr(int())],
]);
const volumeProjection = struct('core.VolumeProjection', [
  ['Secret', 'secret', ptr(struct('core.SecretProjection', [['LocalObjectReference', null, localObjectReference], ['Items', 'items', slice(keyToPath)], ['Optional', 'optional', ptr(bool)]]))],
  ['DownwardAPI', 'downwardAPI', ptr(struct('core.DownwardAPIProjection', [['Items', 'items', slice(downwardAPIVolumeFile)]]))],
  ['ConfigMap', 'configMap', ptr(struct('core.ConfigMapProjection', [['LocalObjectReference', null, localObjectReference], ['Items', 'items', slice(keyToPath)], ['Optional', 'optional', ptr(bool)]]))],
  ['ServiceAccountToken', 'serviceAccountToken', ptr(struct('core.ServiceAccountTokenProjection', [['Audience', 'audience', str()], ['ExpirationSeconds', 'expirationSeconds', int('int64')], ['Path', 'path', str()]]))],
  ['ClusterTrustBundle', 'clusterTrustBundle', opaque('*core.ClusterTrustBundleProjection')],
  ['PodCertificate', 'podCertificate', opaque('*core.PodCertificateProjection')],
]);
const volumeSource = struct('core.VolumeSource', [
  ['HostPath', 'hostPath', ptr(struct('core.HostPathVolumeSource', [['Path', 'path', str()], ['Type', 'type', ptr(str('core.HostPathType'))]]))],
  ['EmptyDir', 'emptyDir', ptr(struct('core.EmptyDirVolumeSource', [['Medium', 'medium', str('core.StorageMedium')], ['SizeLimit', 'sizeLimit', ptr(quantity)]]))],
  ['GCEPersistentDisk', 'gcePersistentDisk', opaque('*core.GCEPersistentDiskVolumeSource')],
  ['AWSElasticBlockStore', 'awsElasticBlockStore', opaque('*core.AWSElasticBlockStoreVolumeSource')],
  ['GitRepo', 'gitRepo', opaque('*core.GitRepoVolumeSource')],
  ['Secret', 'secret', ptr(struct('core.SecretVolumeSource', [['SecretName', 'secretName', str()], ['Items', 'items', slice(keyToPath)], ['DefaultMode', 'defaultMode', ptr(int())], ['Optional', 'optional', ptr(bool)]]))],
  ['NFS', 'nfs', opaque('*core.NFSVolumeSource')],
  ['ISCSI', 'iscsi', opaque('*core.ISCSIVolumeSource')],
  ['Glusterfs', 'glusterfs', opaque('*core.GlusterfsVolumeSource')],
  ['PersistentVolumeClaim', 'persistentVolumeClaim', ptr(struct('core.PersistentVolumeClaimVolumeSource', [['ClaimName', 'claimName', str()], ['ReadOnly', 'readOnly', bool]]))],
  ['RBD', 'rbd', opaque('*core.RBDVolumeSource')],
  ['Quobyte', 'quobyte', opaque('*core.QuobyteVolumeSource')],
  ['FlexVolume', 'flexVolume', opaque('*core.FlexVolumeSource')],
  ['Cinder', 'cinder', opaque('*core.CinderVolumeSource')],
  ['CephFS', 'cephfs', opaque('*core.CephFSVolumeSource')],
  ['Flocker', 'flocker', opaque('*core.FlockerVolumeSource')],
  ['DownwardAPI', 'downwardAPI', ptr(struct('core.DownwardAPIVolumeSource', [['Items', 'items', slice(downwardAPIVolumeFile)], ['DefaultMode', 'defaultMode', ptr(int())]]))],
  ['FC', 'fc', opaque('*core.FCVolumeSource')],
  ['AzureFile', 'azureFile', opaque('*core.AzureFileVolumeSource')],
  ['ConfigMap', 'configMap', ptr(struct('core.ConfigMapVolumeSource', [['LocalObjectReference', null, localObjectReference], ['Items', 'items', slice(keyToPath)], ['DefaultMode', 'defaultMode', ptr(int())], ['Optional', 'optional', ptr(bool)]]))],
  ['VsphereVolume', 'vsphereVolume', opaque('*core.VsphereVirtualDiskVolumeSource')],
  ['AzureDisk', 'azureDisk', opaque('*core.AzureDiskVolumeSource')],
  ['PhotonPersistentDisk', 'photonPersistentDisk', opaque('*core.PhotonPersistentDiskVolumeSource')],
  ['Projected', 'projected', ptr(struct('core.ProjectedVolumeSource', [['Sources', 'sources', slice(volumeProjection)], ['DefaultMode', 'defaultMode', ptr(int())]]))],
  ['PortworxVolume', 'portworxVolume', opaque('*core.PortworxVolumeSource')],
  ['ScaleIO', 'scaleIO', opaque('*core.ScaleIOVolumeSource')],
  ['StorageOS', 'storageos', opaque('*core.StorageOSVolumeSource')],
  ['CSI', 'csi', opaque('*core.CSIVolumeSource')],
  ['Ephemeral', 'ephemeral', opaque('*core.EphemeralVolumeSource')],
  ['Image', 'image', opaque('*core.ImageVolumeSource')],
]);
const volume = struct('core.Volume', [
  ['Name', 'name', str()],
  ['VolumeSource', null, volumeSource],
]);

const intOrString = struct('intstr.IntOrString', [
  ['Type', 'Type', int('intstr.Type')],
  ['IntVal', 'IntVal', int()],
  ['StrVal', 'StrVal', str()],
]);
/** Marker read by the value reader: a v1 int-or-string becomes `{Type, IntVal, StrVal}`. */
export const intOrStringType = intOrString;

const httpGetAction = struct('core.HTTPGetAction', [
  ['Path', 'path', str()],
  ['Port', 'port', intOrString],
  ['Host', 'host', str()],
  ['Scheme', 'scheme', str('core.URIScheme')],
  ['HTTPHeaders', 'httpHeaders', slice(struct('core.HTTPHeader', [['Name', 'name', str()], ['Value', 'value', str()]]))],
]);
const execAction = struct('core.ExecAction', [['Command', 'command', slice(str())]]);
const tcpSocketAction = struct('core.TCPSocketAction', [
  ['Port', 'port', intOrString],
  ['Host', 'host', str()],
]);
const probe = struct('core.Probe', [
  [
    'ProbeHandler',
    null,
    struct('core.ProbeHandler', [
      ['Exec', 'exec', ptr(execAction)],
      ['HTTPGet', 'httpGet', ptr(httpGetAction)],
      ['TCPSocket', 'tcpSocket', ptr(tcpSocketAction)],
      ['GRPC', 'grpc', ptr(struct('core.GRPCAction', [['Port', 'port', int()], ['Service', 'service', ptr(str())]]))],
    ]),
  ],
  ['InitialDelaySeconds', 'initialDelaySeconds', int()],
  ['TimeoutSeconds', 'timeoutSeconds', int()],
  ['PeriodSeconds', 'periodSeconds', int()],
  ['SuccessThreshold', 'successThreshold', int()],
  ['FailureThreshold', 'failureThreshold', int()],
  ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', ptr(int('int64'))],
]);
const lifecycleHandler = struct('core.LifecycleHandler', [
  ['Exec', 'exec', ptr(execAction)],
  ['HTTPGet', 'httpGet', ptr(httpGetAction)],
  ['TCPSocket', 'tcpSocket', ptr(tcpSocketAction)],
  ['Sleep', 'sleep', ptr(struct('core.SleepAction', [['Seconds', 'seconds', int('int64')]]))],
]);
const resourceList = map(str('core.ResourceName'), quantity, 'core.ResourceList');
const resourceRequirements = struct('core.ResourceRequirements', [
  ['Limits', 'limits', resourceList],
  ['Requests', 'requests', resourceList],
  ['Claims', 'claims', slice(struct('core.ResourceClaim', [['Name', 'name', str()], ['Request', 'request', str()]]))],
]);
const envVar = struct('core.EnvVar', [
  ['Name', 'name', str()],
  ['Value', 'value', str()],
  [
    'ValueFrom',
    'valueFrom',
    ptr(
      struct('core.EnvVarSource', [
        ['FieldRef', 'fieldRef', ptr(objectFieldSelector)],
        ['ResourceFieldRef', 'resourceFieldRef', ptr(resourceFieldSelector)],
        ['ConfigMapKeyRef', 'configMapKeyRef', ptr(struct('core.ConfigMapKeySelector', [['LocalObjectReference', null, localObjectReference], ['Key', 'key', str()], ['Optional', 'optional', ptr(bool)]]))],
        ['SecretKeyRef', 'secretKeyRef', ptr(struct('core.SecretKeySelector', [['LocalObjectReference', null, localObjectReference], ['Key', 'key', str()], ['Optional', 'optional', ptr(bool)]]))],
        ['FileKeyRef', 'fileKeyRef', opaque('*core.FileKeySelector')],
      ]),
    ),
  ],
]);
const envFromSource = struct('core.EnvFromSource', [
  ['Prefix', 'prefix', str()],
  ['ConfigMapRef', 'configMapRef', ptr(struct('core.ConfigMapEnvSource', [['LocalObjectReference', null, localObjectReference], ['Optional', 'optional', ptr(bool)]]))],
  ['SecretRef', 'secretRef', ptr(struct('core.SecretEnvSource', [['LocalObjectReference', null, localObjectReference], ['Optional', 'optional', ptr(bool)]]))],
]);
const securityContext = struct('core.SecurityContext', [
  ['Capabilities', 'capabilities', ptr(struct('core.Capabilities', [['Add', 'add', slice(str('core.Capability'))], ['Drop', 'drop', slice(str('core.Capability'))]]))],
  ['Privileged', 'privileged', ptr(bool)],
  ['SELinuxOptions', 'seLinuxOptions', opaque('*core.SELinuxOptions')],
  ['WindowsOptions', 'windowsOptions', opaque('*core.WindowsSecurityContextOptions')],
  ['RunAsUser', 'runAsUser', ptr(int('int64'))],
  ['RunAsGroup', 'runAsGroup', ptr(int('int64'))],
  ['RunAsNonRoot', 'runAsNonRoot', ptr(bool)],
  ['ReadOnlyRootFilesystem', 'readOnlyRootFilesystem', ptr(bool)],
  ['AllowPrivilegeEscalation', 'allowPrivilegeEscalation', ptr(bool)],
  ['ProcMount', 'procMount', ptr(str('core.ProcMountType'))],
  ['SeccompProfile', 'seccompProfile', opaque('*core.SeccompProfile')],
  ['AppArmorProfile', 'appArmorProfile', opaque('*core.AppArmorProfile')],
]);
const containerFields: [string, string | null, GoType][] = [
  ['Name', 'name', str()],
  ['Image', 'image', str()],
  ['Command', 'command', slice(str())],
  ['Args', 'args', slice(str())],
  ['WorkingDir', 'workingDir', str()],
  [
    'Ports',
    'ports',
    slice(
      struct('core.ContainerPort', [
        ['Name', 'name', str()],
        ['HostPort', 'hostPort', int()],
        ['ContainerPort', 'containerPort', int()],
        ['Protocol', 'protocol', str('core.Protocol')],
        ['HostIP', 'hostIP', str()],
      ]),
    ),
  ],
  ['EnvFrom', 'envFrom', slice(envFromSource)],
  ['Env', 'env', slice(envVar)],
  ['Resources', 'resources', resourceRequirements],
  ['ResizePolicy', 'resizePolicy', slice(struct('core.ContainerResizePolicy', [['ResourceName', 'resourceName', str('core.ResourceName')], ['RestartPolicy', 'restartPolicy', str('core.ResourceResizeRestartPolicy')]]))],
  ['RestartPolicy', 'restartPolicy', ptr(str('core.ContainerRestartPolicy'))],
  ['RestartPolicyRules', 'restartPolicyRules', opaque('[]core.ContainerRestartRule')],
  [
    'VolumeMounts',
    'volumeMounts',
    slice(
      struct('core.VolumeMount', [
        ['Name', 'name', str()],
        ['ReadOnly', 'readOnly', bool],
        ['RecursiveReadOnly', 'recursiveReadOnly', ptr(str('core.RecursiveReadOnlyMode'))],
        ['MountPath', 'mountPath', str()],
        ['SubPath', 'subPath', str()],
        ['MountPropagation', 'mountPropagation', ptr(str('core.MountPropagationMode'))],
        ['SubPathExpr', 'subPathExpr', str()],
      ]),
    ),
  ],
  ['VolumeDevices', 'volumeDevices', slice(struct('core.VolumeDevice', [['Name', 'name', str()], ['DevicePath', 'devicePath', str()]]))],
  ['LivenessProbe', 'livenessProbe', ptr(probe)],
  ['ReadinessProbe', 'readinessProbe', ptr(probe)],
  ['StartupProbe', 'startupProbe', ptr(probe)],
  ['Lifecycle', 'lifecycle', ptr(struct('core.Lifecycle', [['PostStart', 'postStart', ptr(lifecycleHandler)], ['PreStop', 'preStop', ptr(lifecycleHandler)], ['StopSignal', 'stopSignal', ptr(str('core.Signal'))]]))],
  ['TerminationMessagePath', 'terminationMessagePath', str()],
  ['TerminationMessagePolicy', 'terminationMessagePolicy', str('core.TerminationMessagePolicy')],
  ['ImagePullPolicy', 'imagePullPolicy', str('core.PullPolicy')],
  ['SecurityContext', 'securityContext', ptr(securityContext)],
  ['Stdin', 'stdin', bool],
  ['StdinOnce', 'stdinOnce', bool],
  ['TTY', 'tty', bool],
];
const container = struct('core.Container', containerFields);
/** `core.EphemeralContainer`: the container fields embedded as `EphemeralContainerCommon`, and the target. */
export const ephemeralContainerType: GoType = struct('core.EphemeralContainer', [
  ['EphemeralContainerCommon', null, struct('core.EphemeralContainerCommon', containerFields)],
  ['TargetContainerName', 'targetContainerName', str()],
]);

const podSecurityContext = struct('core.PodSecurityContext', [
  ['HostNetwork', 'hostNetwork', bool],
  ['HostPID', 'hostPID', bool],
  ['HostIPC', 'hostIPC', bool],
  ['ShareProcessNamespace', 'shareProcessNamespace', ptr(bool)],
  ['HostUsers', 'hostUsers', ptr(bool)],
  ['SELinuxOptions', 'seLinuxOptions', opaque('*core.SELinuxOptions')],
  ['WindowsOptions', 'windowsOptions', opaque('*core.WindowsSecurityContextOptions')],
  ['RunAsUser', 'runAsUser', ptr(int('int64'))],
  ['RunAsGroup', 'runAsGroup', ptr(int('int64'))],
  ['RunAsNonRoot', 'runAsNonRoot', ptr(bool)],
  ['SupplementalGroups', 'supplementalGroups', slice(int('int64'))],
  ['SupplementalGroupsPolicy', 'supplementalGroupsPolicy', ptr(str('core.SupplementalGroupsPolicy'))],
  ['FSGroup', 'fsGroup', ptr(int('int64'))],
  ['FSGroupChangePolicy', 'fsGroupChangePolicy', ptr(str('core.PodFSGroupChangePolicy'))],
  ['Sysctls', 'sysctls', slice(struct('core.Sysctl', [['Name', 'name', str()], ['Value', 'value', str()]]))],
  ['SeccompProfile', 'seccompProfile', opaque('*core.SeccompProfile')],
  ['AppArmorProfile', 'appArmorProfile', opaque('*core.AppArmorProfile')],
  ['SELinuxChangePolicy', 'seLinuxChangePolicy', ptr(str('core.PodSELinuxChangePolicy'))],
]);
// v1 keeps the host namespace switches on the pod spec; the internal type moves them here
for (const f of podSecurityContext.fields.slice(0, 5)) f.fromParent = true;

const toleration = struct('core.Toleration', [
  ['Key', 'key', str()],
  ['Operator', 'operator', str('core.TolerationOperator')],
  ['Value', 'value', str()],
  ['Effect', 'effect', str('core.TaintEffect')],
  ['TolerationSeconds', 'tolerationSeconds', ptr(int('int64'))],
]);

/** `core.PodSpec` as of Kubernetes 1.34. */
export const podSpecType: GoType = struct('core.PodSpec', [
  ['Volumes', 'volumes', slice(volume)],
  ['InitContainers', 'initContainers', slice(container)],
  ['Containers', 'containers', slice(container)],
  ['EphemeralContainers', 'ephemeralContainers', opaque('[]core.EphemeralContainer')],
  ['RestartPolicy', 'restartPolicy', str('core.RestartPolicy')],
  ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', ptr(int('int64'))],
  ['ActiveDeadlineSeconds', 'activeDeadlineSeconds', ptr(int('int64'))],
  ['DNSPolicy', 'dnsPolicy', str('core.DNSPolicy')],
  ['NodeSelector', 'nodeSelector', map(str(), str())],
  ['ServiceAccountName', 'serviceAccountName', str()],
  ['AutomountServiceAccountToken', 'automountServiceAccountToken', ptr(bool)],
  ['NodeName', 'nodeName', str()],
  ['SecurityContext', 'securityContext', ptr(podSecurityContext)],
  ['ImagePullSecrets', 'imagePullSecrets', slice(localObjectReference)],
  ['Hostname', 'hostname', str()],
  ['Subdomain', 'subdomain', str()],
  ['SetHostnameAsFQDN', 'setHostnameAsFQDN', ptr(bool)],
  ['Affinity', 'affinity', opaque('*core.Affinity')],
  ['SchedulerName', 'schedulerName', str()],
  ['Tolerations', 'tolerations', slice(toleration)],
  ['HostAliases', 'hostAliases', slice(struct('core.HostAlias', [['IP', 'ip', str()], ['Hostnames', 'hostnames', slice(str())]]))],
  ['PriorityClassName', 'priorityClassName', str()],
  ['Priority', 'priority', ptr(int())],
  ['PreemptionPolicy', 'preemptionPolicy', ptr(str('core.PreemptionPolicy'))],
  ['DNSConfig', 'dnsConfig', opaque('*core.PodDNSConfig')],
  ['ReadinessGates', 'readinessGates', slice(struct('core.PodReadinessGate', [['ConditionType', 'conditionType', str('core.PodConditionType')]]))],
  ['RuntimeClassName', 'runtimeClassName', ptr(str())],
  ['Overhead', 'overhead', resourceList],
  ['EnableServiceLinks', 'enableServiceLinks', ptr(bool)],
  ['TopologySpreadConstraints', 'topologySpreadConstraints', opaque('[]core.TopologySpreadConstraint')],
  ['OS', 'os', ptr(struct('core.PodOS', [['Name', 'name', str('core.OSName')]]))],
  ['SchedulingGates', 'schedulingGates', slice(struct('core.PodSchedulingGate', [['Name', 'name', str()]]))],
  ['ResourceClaims', 'resourceClaims', opaque('[]core.PodResourceClaim')],
  ['Resources', 'resources', ptr(resourceRequirements)],
  ['HostnameOverride', 'hostnameOverride', ptr(str())],
]);
