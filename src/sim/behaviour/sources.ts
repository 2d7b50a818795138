// Publications, manual pages and vendor documents the behaviour simulator cites, sorted by id. Several helpers
// add to this file: add entries in order, never rewrite others'.
import type { Source } from './types.ts';

export const sources = {
  article: {
    id: 'article',
    title: '仮想マシンからコンテナまで、さまざまなサービス仮想化技術とその適用シナリオ',
    by: 'jameswhale',
    url: 'https://mp.weixin.qq.com/s/LOXB36aevXoH9EQHFr5E9Q',
  },
  'clark-live-migration': {
    id: 'clark-live-migration',
    title: 'Live Migration of Virtual Machines (NSDI 2005)',
    by: 'C. Clark, K. Fraser, S. Hand, J. G. Hansen, E. Jul, C. Limpach, I. Pratt, A. Warfield',
    year: 2005,
    url: 'https://dl.acm.org/doi/10.5555/1251203.1251223',
  },
  'docker-apparmor': {
    id: 'docker-apparmor',
    title: 'AppArmor security profiles for Docker',
    by: 'Docker Inc., Docker Engine manual',
    url: 'https://docs.docker.com/engine/security/apparmor/',
  },
  'docker-resource-constraints': {
    id: 'docker-resource-constraints',
    title: 'Resource constraints',
    by: 'Docker Inc., Docker Engine manual',
    url: 'https://docs.docker.com/engine/containers/resource_constraints/',
  },
  'docker-seccomp': {
    id: 'docker-seccomp',
    title: 'Seccomp security profiles for Docker',
    by: 'Docker Inc., Docker Engine manual',
    url: 'https://docs.docker.com/engine/security/seccomp/',
  },
  'esxi-hardware-requirements': {
    id: 'esxi-hardware-requirements',
    title: 'ESXi Hardware Requirements (vSphere 7.0, ESXi Installation and Setup)',
    by: 'VMware',
    url: 'https://docs.vmware.com/en/VMware-vSphere/7.0/com.vmware.esxi.install.doc/GUID-DEB8086A-306B-4239-BF76-E354679202FC.html',
  },
  'felter-2014': {
    id: 'felter-2014',
    title:
      'An Updated Performance Comparison of Virtual Machines and Linux Containers (IBM Research Report RC25482; ISPASS 2015)',
    by: 'W. Felter, A. Ferreira, R. Rajamony, J. Rubio (IBM Research)',
    year: 2014,
    url: 'https://research.ibm.com/publications/an-updated-performance-comparison-of-virtual-machines-and-linux-containers',
  },
  'k8s-controller-manager': {
    id: 'k8s-controller-manager',
    title: 'kube-controller-manager (command line reference)',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
  'k8s-drain': {
    id: 'k8s-drain',
    title: 'Safely Drain a Node',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/',
  },
  'k8s-large-clusters': {
    id: 'k8s-large-clusters',
    title: 'Considerations for large clusters',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/',
  },
  'k8s-pod-v1': {
    id: 'k8s-pod-v1',
    title: 'Pod (Kubernetes API reference, workload resources)',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  },
  'k8s-taint-evictions': {
    id: 'k8s-taint-evictions',
    title: 'Taints and Tolerations: taint based evictions',
    by: 'The Kubernetes Authors',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions',
  },
  'kernel-cgroup-v2': {
    id: 'kernel-cgroup-v2',
    title: 'Control Group v2 (Linux 6.1 admin guide)',
    by: 'The Linux kernel documentation',
    url: 'https://www.kernel.org/doc/html/v6.1/admin-guide/cgroup-v2.html',
  },
  'kernel-ksm': {
    id: 'kernel-ksm',
    title: 'Kernel Samepage Merging (admin guide)',
    by: 'The Linux kernel documentation',
    url: 'https://docs.kernel.org/admin-guide/mm/ksm.html',
  },
  'kernel-livepatch': {
    id: 'kernel-livepatch',
    title: 'Livepatch',
    by: 'The Linux kernel documentation',
    url: 'https://www.kernel.org/doc/html/latest/livepatch/livepatch.html',
  },
  'libvirt-formatdomain': {
    id: 'libvirt-formatdomain',
    title: 'Domain XML format',
    by: 'libvirt',
    url: 'https://libvirt.org/formatdomain.html',
  },
  'opencontainers-cgroups-cpu-weight': {
    id: 'opencontainers-cgroups-cpu-weight',
    title: 'ConvertCPUSharesToCgroupV2Value: improve (opencontainers/cgroups pull request 20)',
    by: 'K. Kolyshkin, The Open Container Initiative',
    year: 2025,
    url: 'https://github.com/opencontainers/cgroups/pull/20',
  },
  'qemu-migration-options': {
    id: 'qemu-migration-options',
    title: 'QEMU source: migration/options.c (DEFAULT_MIGRATE_SET_DOWNTIME)',
    by: 'The QEMU Project',
    url: 'https://gitlab.com/qemu-project/qemu/-/blob/master/migration/options.c',
  },
  'redhat-graph-drivers': {
    id: 'redhat-graph-drivers',
    title: 'OpenShift Container Platform 3.11 Scaling and Performance Guide, 5.4 Choosing a graph driver',
    by: 'Red Hat',
    url: 'https://docs.redhat.com/ja/documentation/openshift_container_platform/3.11/html/scaling_and_performance_guide/choosing-a-graph-driver',
  },
  'runc-cpu-weight-change': {
    id: 'runc-cpu-weight-change',
    title: '[v1.3.2/v1.4.0-rc.1 intentional change] cpu.weight value changed (runc issue 4896)',
    by: 'A. Suda, opencontainers/runc issue tracker',
    year: 2025,
    url: 'https://github.com/opencontainers/runc/issues/4896',
  },
  'vmware-kb-2080735': {
    id: 'vmware-kb-2080735',
    title:
      'Security considerations and disallowing inter-Virtual Machine Transparent Page Sharing (KB 2080735)',
    by: 'VMware by Broadcom',
    url: 'https://knowledge.broadcom.com/external/article/318959/security-considerations-and-disallowing.html',
  },
  'vmware-kb-2097593': {
    id: 'vmware-kb-2097593',
    title:
      'Additional Transparent Page Sharing management capabilities and new default settings (KB 2097593)',
    by: 'VMware by Broadcom',
    url: 'https://knowledge.broadcom.com/external/article/323624/additional-transparent-page-sharing-mana.html',
  },
  'vsphere-auto-deploy': {
    id: 'vsphere-auto-deploy',
    title: 'Understanding vSphere Auto Deploy (vSphere 7.0, ESXi Installation and Setup)',
    by: 'VMware',
    url: 'https://docs.vmware.com/en/VMware-vSphere/7.0/com.vmware.esxi.install.doc/GUID-9A827220-177E-40DE-99A0-E1EB62A49408.html',
  },
  'vsphere-resource-allocation': {
    id: 'vsphere-resource-allocation',
    title: 'ResourceAllocationInfo (vSphere Web Services API, Virtual Infrastructure JSON API)',
    by: 'VMware / Broadcom',
    url: 'https://developer.broadcom.com/xapis/virtual-infrastructure-json-api/latest/data-structures/ResourceAllocationInfo',
  },
  'vsphere-shares-level': {
    id: 'vsphere-shares-level',
    title: 'SharesLevel enum (vSphere Web Services API, Virtual Infrastructure JSON API)',
    by: 'VMware / Broadcom',
    url: 'https://developer.broadcom.com/xapis/virtual-infrastructure-json-api/latest/data-structures/SharesLevel_enum',
  },
} as const satisfies Record<string, Source>;
