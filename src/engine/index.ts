/** The engine's public API: everything the worker, the CLI, kubectl and tests may use. */
export { Cluster, createCluster } from './cluster';
export type { ClusterConfig, NodeConfig, ProxyMode, LoadBalancerConfig } from './config';
export { defaultConfig, kindNodes } from './config';
export type { ApiResult, ApiStatus, StatusCause } from './api/status';
export type { Kind, KindMap, KubeObject } from './api/types';
export type { WatchEvent, WatchEventType } from './store/objectStore';
export type { DeleteOptions, ListOptions, WatchOptions, WatchHandle } from './apiserver/apiServer';
export type { LogEntry } from './clusterLog';
export type { ApplyOutcome } from './apply';
export type { PatchType } from './apiserver/patch';
export type { FieldValidation } from './apiserver/fieldValidation';
export { allResources, resourceFor, kindFromManifest, apiVersionFor } from './api/resources';
export { formatTimestamp, parseTimestamp } from './clock';
export { advanceRefusal, lastTimestampMs, TimeLimitError } from './timeLimit';
export { maxRequestBodyBytes, requestBodyTooLarge, yamlTextExceedsRequestBody } from './apiserver/requestSize';
export type { KubeletRuntimeView, RuntimeContainerView, RuntimePodView } from './kubelet/runtimeView';
export type { AccessLogEntry } from './kubelet/apps/app';
