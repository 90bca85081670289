/** The workloads whose Inspector scales them and rolls out an image: both keep `spec.replicas` and `spec.template`. */
export interface WorkloadRef {
  kind: 'Deployment' | 'StatefulSet';
  namespace?: string;
  name: string;
}
