// The documents the cluster simulator's cited figures come from, sorted by id. Each figure in figures.ts names
// one of these and the part of it that gives the number.
import type { Source } from '../behaviour/types.ts';

export const clusterSources = {
  'ca-faq': {
    id: 'ca-faq',
    title: 'Cluster Autoscaler: Frequently Asked Questions',
    by: 'The Kubernetes Authors (kubernetes/autoscaler)',
    url: 'https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/FAQ.md',
  },
  'gce-live-migration': {
    id: 'gce-live-migration',
    title: 'Live migration process during maintenance events (Compute Engine)',
    by: 'Google Cloud documentation',
    url: 'https://cloud.google.com/compute/docs/instances/live-migration-process',
  },
  'gcloud-health-checks': {
    id: 'gcloud-health-checks',
    title: 'gcloud compute http-health-checks create',
    by: 'Google Cloud SDK reference',
    url: 'https://cloud.google.com/sdk/gcloud/reference/compute/http-health-checks/create',
  },
  'gke-auto-repair': {
    id: 'gke-auto-repair',
    title: 'Auto-repair nodes (Google Kubernetes Engine)',
    by: 'Google Cloud documentation',
    url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair',
  },
  'gke-node-sizes': {
    id: 'gke-node-sizes',
    title: 'Plan GKE node sizes: node allocatable resources',
    by: 'Google Cloud documentation',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes',
  },
  'k8s-hpa': {
    id: 'k8s-hpa',
    title: 'Horizontal Pod Autoscaling',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
  },
  'k8s-kube-apiserver': {
    id: 'k8s-kube-apiserver',
    title: 'kube-apiserver (command line reference)',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
  },
  'k8s-kube-controller-manager': {
    id: 'k8s-kube-controller-manager',
    title: 'kube-controller-manager (command line reference)',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
  'k8s-replicaset': {
    id: 'k8s-replicaset',
    title: 'ReplicaSet: scaling a ReplicaSet (which pods are deleted first)',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/',
  },
} as const satisfies Record<string, Source>;
