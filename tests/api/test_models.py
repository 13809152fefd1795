"""The models: real manifests round-trip, names are the JSON names, strict decoding errors."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from sandbox.api import (
    ConfigMap,
    CronJob,
    DaemonSet,
    Deployment,
    Event,
    Job,
    K8sModel,
    KubeObject,
    Lease,
    Namespace,
    Node,
    ObjectMeta,
    Pod,
    PodSpec,
    Quantity,
    ReplicaSet,
    Secret,
    StatefulSet,
)
from sandbox.api.core import (
    Container,
    ContainerStatus,
    EphemeralContainer,
    PodStatus,
    Probe,
    Volume,
)
from sandbox.api.manifests import load_dicts
from sandbox.api.meta import ListMeta as MetaListMeta
from sandbox.errors import BadRequest


def one(text: str) -> dict[str, Any]:
    (d,) = load_dicts(text)
    return d


# ---------------------------------------------------------------------------------------------
# Realistic manifests
# ---------------------------------------------------------------------------------------------

NGINX_POD = """
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
"""

SIDECAR_POD = """
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels: {app: web}
  annotations: {kubectl.kubernetes.io/default-container: app}
spec:
  initContainers:
  - name: migrate
    image: busybox:1.36
    command: ["sh", "-c", "echo migrating"]
  - name: log-shipper
    image: fluent/fluent-bit:3.0
    restartPolicy: Always
    volumeMounts:
    - {name: logs, mountPath: /var/log/app, readOnly: true}
  containers:
  - name: app
    image: example.com/app:2.1
    args: ["--port=8080"]
    env:
    - {name: MODE, value: production}
    - name: POD_IP
      valueFrom: {fieldRef: {fieldPath: status.podIP}}
    - name: CPU_LIMIT
      valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}
    - name: PASSWORD
      valueFrom: {secretKeyRef: {name: db, key: password, optional: false}}
    envFrom:
    - configMapRef: {name: app-config}
      prefix: CFG_
    resources:
      requests: {cpu: 250m, memory: 64Mi}
      limits: {cpu: "1", memory: 128Mi}
    resizePolicy:
    - {resourceName: cpu, restartPolicy: NotRequired}
    volumeMounts:
    - {name: logs, mountPath: /var/log/app}
  volumes:
  - name: logs
    emptyDir: {sizeLimit: 500Mi}
  restartPolicy: Always
  terminationGracePeriodSeconds: 45
  shareProcessNamespace: true
  hostname: app-0
  subdomain: apps
  setHostnameAsFQDN: false
  dnsPolicy: None
  dnsConfig:
    nameservers: [1.1.1.1]
    searches: [svc.cluster.local]
    options: [{name: ndots, value: "2"}]
  hostAliases: [{ip: 127.0.0.1, hostnames: [foo.local]}]
  os: {name: linux}
  schedulingGates: [{name: example.com/gate}]
  readinessGates: [{conditionType: example.com/ready}]
  tolerations:
  - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: DoNotSchedule
    labelSelector: {matchLabels: {app: web}}
    matchLabelKeys: [pod-template-hash]
    minDomains: 2
    nodeAffinityPolicy: Honor
    nodeTaintsPolicy: Ignore
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
          matchFields:
          - {key: metadata.name, operator: NotIn, values: [node-9]}
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 10
        preference:
          matchExpressions: [{key: disk, operator: Exists}]
    podAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 50
        podAffinityTerm:
          labelSelector: {matchLabels: {app: cache}}
          topologyKey: kubernetes.io/hostname
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector:
          matchExpressions: [{key: app, operator: In, values: [web]}]
        topologyKey: kubernetes.io/hostname
        namespaceSelector: {}
        namespaces: [default]
        mismatchLabelKeys: [tenant]
  securityContext:
    runAsUser: 1000
    runAsGroup: 3000
    runAsNonRoot: true
    fsGroup: 2000
    fsGroupChangePolicy: OnRootMismatch
    supplementalGroups: [4000]
    supplementalGroupsPolicy: Strict
    seLinuxChangePolicy: MountOption
    seLinuxOptions: {level: "s0:c123,c456"}
    seccompProfile: {type: RuntimeDefault}
    appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example-deny-write}
    sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}]
    windowsOptions: {runAsUserName: ContainerUser, hostProcess: false}
  priorityClassName: high
  preemptionPolicy: Never
  runtimeClassName: gvisor
  hostUsers: false
  imagePullSecrets: [{name: regcred}]
  automountServiceAccountToken: false
  resourceClaims:
  - {name: gpu, resourceClaimTemplateName: gpu-template}
  resources:
    limits: {cpu: "2", memory: 1Gi}
"""

PROBES_POD = """
apiVersion: v1
kind: Pod
metadata: {name: probes}
spec:
  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    startupProbe:
      exec: {command: [cat, /tmp/started]}
      failureThreshold: 30
      periodSeconds: 10
    livenessProbe:
      httpGet:
        path: /healthz
        port: liveness-port
        scheme: HTTPS
        host: 127.0.0.1
        httpHeaders: [{name: Custom-Header, value: Awesome}]
      initialDelaySeconds: 3
      periodSeconds: 3
      terminationGracePeriodSeconds: 60
    readinessProbe:
      tcpSocket: {port: 8080}
      timeoutSeconds: 2
      successThreshold: 1
    ports:
    - {name: liveness-port, containerPort: 8080, hostPort: 8080, protocol: TCP, hostIP: 0.0.0.0}
    lifecycle:
      postStart:
        exec: {command: [sh, -c, echo Hello > /usr/share/message]}
      preStop:
        sleep: {seconds: 5}
      stopSignal: SIGUSR1
  - name: grpc
    image: registry.k8s.io/etcd:3.5.1-0
    livenessProbe:
      grpc: {port: 2379, service: etcd}
    lifecycle:
      preStop:
        httpGet: {path: /shutdown, port: 2379}
    stdin: true
    stdinOnce: false
    tty: true
    workingDir: /
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: FallbackToLogsOnError
    imagePullPolicy: IfNotPresent
    securityContext:
      allowPrivilegeEscalation: false
      privileged: false
      readOnlyRootFilesystem: true
      capabilities: {add: [NET_ADMIN], drop: [ALL]}
      procMount: Default
      runAsNonRoot: true
"""

ALL_VOLUMES_POD = """
apiVersion: v1
kind: Pod
metadata: {name: volumes}
spec:
  containers:
  - name: c
    image: busybox
    volumeMounts:
    - {name: empty, mountPath: /empty, subPath: x, mountPropagation: HostToContainer}
    - {name: cm, mountPath: /cm, recursiveReadOnly: Disabled, readOnly: true}
    - {name: host, mountPath: /host, subPathExpr: $(POD_NAME)}
    volumeDevices:
    - {name: block, devicePath: /dev/xvda}
  volumes:
  - {name: empty, emptyDir: {}}
  - {name: mem, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
  - {name: host, hostPath: {path: /var/log, type: DirectoryOrCreate}}
  - {name: cm, configMap: {name: cfg, defaultMode: 420, optional: true, items: [{key: a, path: a.txt, mode: 256}]}}
  - {name: sec, secret: {secretName: s, defaultMode: 256, optional: false, items: [{key: k, path: k}]}}
  - name: dapi
    downwardAPI:
      defaultMode: 420
      items:
      - {path: labels, fieldRef: {fieldPath: metadata.labels}}
      - {path: cpu, resourceFieldRef: {containerName: c, resource: limits.cpu, divisor: 1m}}
  - name: proj
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken: {audience: vault, expirationSeconds: 3600, path: token}
      - clusterTrustBundle: {signerName: example.com/signer, labelSelector: {matchLabels: {a: b}}, path: ca.pem, optional: true}
      - clusterTrustBundle: {name: bundle-1, path: ca1.pem}
      - podCertificate: {signerName: example.com/pc, keyType: ED25519, credentialBundlePath: creds.pem, maxExpirationSeconds: 86400}
      - configMap: {name: cfg, items: [{key: a, path: a}]}
      - secret: {name: s, optional: true}
      - downwardAPI: {items: [{path: ns, fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}]}
  - {name: pvc, persistentVolumeClaim: {claimName: data, readOnly: true}}
  - name: eph
    ephemeral:
      volumeClaimTemplate:
        metadata: {labels: {type: scratch}}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: fast
          volumeMode: Filesystem
          resources: {requests: {storage: 1Gi}}
          dataSourceRef: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap, namespace: other}
          dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}
          volumeAttributesClassName: gold
  - {name: csi, csi: {driver: inline.storage.kubernetes.io, readOnly: true, fsType: ext4, volumeAttributes: {foo: bar}, nodePublishSecretRef: {name: s}}}
  - {name: img, image: {reference: quay.io/crio/artifact:v2, pullPolicy: IfNotPresent}}
  - {name: nfs, nfs: {server: nfs.example.com, path: /exports, readOnly: true}}
  - {name: git, gitRepo: {repository: "https://example.com/r.git", revision: main, directory: .}}
  - {name: iscsi, iscsi: {targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage", lun: 0, iscsiInterface: default, fsType: ext4, readOnly: true, portals: ["10.0.0.2:3260"], chapAuthDiscovery: true, chapAuthSession: true, secretRef: {name: chap}, initiatorName: "iqn.1996-04.de.suse:01:abc"}}
  - {name: gluster, glusterfs: {endpoints: gl, path: vol, readOnly: true}}
  - {name: rbd, rbd: {monitors: ["10.0.0.1:6789"], image: foo, fsType: ext4, pool: kube, user: admin, keyring: /etc/ceph/keyring, secretRef: {name: ceph}, readOnly: true}}
  - {name: flex, flexVolume: {driver: kubernetes.io/lvm, fsType: ext4, secretRef: {name: f}, readOnly: false, options: {volumeID: vol1}}}
  - {name: cinder, cinder: {volumeID: abc, fsType: ext4, readOnly: true, secretRef: {name: c}}}
  - {name: cephfs, cephfs: {monitors: ["10.0.0.1:6789"], path: /, user: admin, secretFile: /etc/ceph/secret, secretRef: {name: c}, readOnly: true}}
  - {name: flocker, flocker: {datasetName: ds, datasetUUID: "1234"}}
  - {name: fc, fc: {targetWWNs: ["500a0981891b8dc5"], lun: 2, fsType: ext4, readOnly: true, wwids: [w1]}}
  - {name: azf, azureFile: {secretName: az, shareName: share, readOnly: false}}
  - {name: azd, azureDisk: {diskName: d, diskURI: "https://x/d.vhd", cachingMode: ReadOnly, fsType: ext4, readOnly: true, kind: Managed}}
  - {name: vs, vsphereVolume: {volumePath: "[ds] vol/v.vmdk", fsType: ext4, storagePolicyName: gold, storagePolicyID: "1"}}
  - {name: qb, quobyte: {registry: "r:7861", volume: v, readOnly: true, user: u, group: g, tenant: t}}
  - {name: photon, photonPersistentDisk: {pdID: p, fsType: ext4}}
  - {name: px, portworxVolume: {volumeID: v, fsType: ext4, readOnly: true}}
  - {name: sio, scaleIO: {gateway: "https://g", system: s, secretRef: {name: s}, sslEnabled: true, protectionDomain: pd, storagePool: sp, storageMode: ThinProvisioned, volumeName: v, fsType: xfs, readOnly: true}}
  - {name: sos, storageos: {volumeName: v, volumeNamespace: ns, fsType: ext4, readOnly: true, secretRef: {name: s}}}
  - {name: gce, gcePersistentDisk: {pdName: d, fsType: ext4, partition: 1, readOnly: true}}
  - {name: aws, awsElasticBlockStore: {volumeID: "vol-1", fsType: ext4, partition: 1, readOnly: true}}
  - {name: block, persistentVolumeClaim: {claimName: raw}}
"""

RUNNING_POD_STATUS = """
apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: default
  uid: 5f8c2d0e-1d2b-4c7f-9a3e-0c1d2e3f4a5b
  resourceVersion: "4242"
  generation: 1
  creationTimestamp: "2024-01-01T00:00:00Z"
  deletionTimestamp: "2024-01-01T01:00:00Z"
  deletionGracePeriodSeconds: 30
  generateName: web-
  finalizers: [example.com/protect]
  ownerReferences:
  - {apiVersion: apps/v1, kind: StatefulSet, name: web, uid: 11111111-2222-3333-4444-555555555555, controller: true, blockOwnerDeletion: true}
  managedFields:
  - manager: kubectl-client-side-apply
    operation: Update
    apiVersion: v1
    time: "2024-01-01T00:00:00Z"
    fieldsType: FieldsV1
    fieldsV1: {"f:metadata": {"f:labels": {".": {}, "f:app": {}}}}
  - {manager: kubelet, operation: Update, apiVersion: v1, subresource: status, time: "2024-01-01T00:00:05Z", fieldsType: FieldsV1, fieldsV1: {}}
spec:
  nodeName: node-1
  containers:
  - {name: web, image: nginx:1.27}
  ephemeralContainers:
  - {name: debugger, image: busybox, targetContainerName: web, stdin: true, tty: true}
status:
  phase: Running
  observedGeneration: 1
  qosClass: BestEffort
  hostIP: 10.0.0.1
  hostIPs: [{ip: 10.0.0.1}]
  podIP: 10.244.1.7
  podIPs: [{ip: 10.244.1.7}, {ip: "fd00::7"}]
  startTime: "2024-01-01T00:00:01Z"
  message: ok
  reason: ""
  nominatedNodeName: node-2
  conditions:
  - {type: PodReadyToStartContainers, status: "True", lastProbeTime: null, lastTransitionTime: "2024-01-01T00:00:03Z"}
  - {type: Ready, status: "True", lastTransitionTime: "2024-01-01T00:00:04Z", observedGeneration: 1}
  containerStatuses:
  - name: web
    ready: true
    started: true
    restartCount: 2
    image: docker.io/library/nginx:1.27
    imageID: docker.io/library/nginx@sha256:0123
    containerID: containerd://abc
    state: {running: {startedAt: "2024-01-01T00:00:04Z"}}
    lastState:
      terminated: {exitCode: 137, signal: 9, reason: OOMKilled, message: killed, startedAt: "2024-01-01T00:00:02Z", finishedAt: "2024-01-01T00:00:03Z", containerID: containerd://old}
    allocatedResources: {cpu: 100m}
    resources: {requests: {cpu: 100m}}
    user: {linux: {uid: 0, gid: 0, supplementalGroups: [0, 10]}}
    volumeMounts: [{name: data, mountPath: /data, readOnly: false, recursiveReadOnly: Disabled}]
    allocatedResourcesStatus: [{name: claim:gpu, resources: [{resourceID: gpu-0, health: Healthy}]}]
    stopSignal: SIGTERM
  initContainerStatuses:
  - name: init
    ready: false
    restartCount: 0
    image: busybox
    imageID: ""
    state: {waiting: {reason: CrashLoopBackOff, message: back-off 10s restarting failed container}}
  ephemeralContainerStatuses: []
  resize: InProgress
  resourceClaimStatuses: [{name: gpu, resourceClaimName: web-0-gpu-abc}]
"""

DEPLOYMENT = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels: {app: nginx}
spec:
  replicas: 3
  revisionHistoryLimit: 10
  progressDeadlineSeconds: 600
  minReadySeconds: 5
  paused: false
  selector:
    matchLabels: {app: nginx}
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports: [{containerPort: 80}]
status:
  observedGeneration: 2
  replicas: 3
  updatedReplicas: 3
  readyReplicas: 3
  availableReplicas: 3
  terminatingReplicas: 0
  collisionCount: 1
  conditions:
  - {type: Available, status: "True", lastUpdateTime: "2024-01-01T00:00:10Z", lastTransitionTime: "2024-01-01T00:00:10Z", reason: MinimumReplicasAvailable, message: Deployment has minimum availability.}
"""

JOB = """
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  parallelism: 2
  completions: 4
  completionMode: Indexed
  backoffLimit: 4
  backoffLimitPerIndex: 1
  maxFailedIndexes: 2
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 100
  suspend: false
  manualSelector: false
  podReplacementPolicy: Failed
  managedBy: kubernetes.io/job-controller
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes: {containerName: pi, operator: In, values: [42]}
    - action: Ignore
      onPodConditions: [{type: DisruptionTarget, status: "True"}]
  successPolicy:
    rules: [{succeededIndexes: "0-2", succeededCount: 1}]
  template:
    spec:
      containers:
      - {name: pi, image: "perl:5.34.0", command: [perl, -Mbignum=bpi, -wle, print bpi(2000)]}
      restartPolicy: Never
status:
  active: 1
  ready: 1
  succeeded: 2
  failed: 1
  terminating: 0
  startTime: "2024-01-01T00:00:00Z"
  completedIndexes: "0-1"
  failedIndexes: "3"
  uncountedTerminatedPods: {succeeded: [a-uid], failed: []}
  conditions:
  - {type: Complete, status: "False", lastProbeTime: "2024-01-01T00:00:00Z", lastTransitionTime: "2024-01-01T00:00:00Z"}
"""

NODE = """
apiVersion: v1
kind: Node
metadata:
  name: node-1
  labels: {kubernetes.io/hostname: node-1, kubernetes.io/os: linux}
spec:
  podCIDR: 10.244.1.0/24
  podCIDRs: [10.244.1.0/24, "fd00:1::/64"]
  providerID: kind://docker/kind/node-1
  unschedulable: true
  taints:
  - {key: node.kubernetes.io/unschedulable, effect: NoSchedule, timeAdded: "2024-01-01T00:00:00Z"}
  configSource:
    configMap: {name: kubelet-config, namespace: kube-system, kubeletConfigKey: kubelet, uid: u, resourceVersion: "1"}
  externalID: legacy
status:
  phase: Running
  capacity: {cpu: "4", memory: 16Gi, pods: "110", ephemeral-storage: 100Gi, hugepages-2Mi: "0"}
  allocatable: {cpu: 3800m, memory: 15.5Gi, pods: "110"}
  conditions:
  - {type: Ready, status: "True", lastHeartbeatTime: "2024-01-01T00:00:40Z", lastTransitionTime: "2024-01-01T00:00:00Z", reason: KubeletReady, message: kubelet is posting ready status}
  - {type: MemoryPressure, status: "False", lastHeartbeatTime: "2024-01-01T00:00:40Z", lastTransitionTime: "2024-01-01T00:00:00Z", reason: KubeletHasSufficientMemory, message: kubelet has sufficient memory available}
  addresses:
  - {type: InternalIP, address: 172.18.0.2}
  - {type: Hostname, address: node-1}
  daemonEndpoints: {kubeletEndpoint: {Port: 10250}}
  nodeInfo:
    machineID: m
    systemUUID: s
    bootID: b
    kernelVersion: 6.8.0
    osImage: Debian GNU/Linux 12 (bookworm)
    containerRuntimeVersion: containerd://1.7.18
    kubeletVersion: v1.32.0
    kubeProxyVersion: v1.32.0
    operatingSystem: linux
    architecture: amd64
    swap: {capacity: 0}
  images:
  - {names: ["docker.io/library/nginx@sha256:abc", "docker.io/library/nginx:1.27"], sizeBytes: 72000000}
  volumesInUse: [kubernetes.io/csi/x^y]
  volumesAttached: [{name: kubernetes.io/csi/x^y, devicePath: /dev/sdb}]
  config:
    active: {configMap: {name: a, namespace: kube-system, kubeletConfigKey: k}}
    error: ""
  runtimeHandlers:
  - {name: runc, features: {recursiveReadOnlyMounts: true, userNamespaces: true}}
  features: {supplementalGroupsPolicy: true}
"""

EVENT = """
apiVersion: v1
kind: Event
metadata:
  name: nginx.17a8b9c0d1e2f3a4
  namespace: default
involvedObject:
  apiVersion: v1
  kind: Pod
  name: nginx
  namespace: default
  uid: 0b4f1b6e-1111-2222-3333-444455556666
  resourceVersion: "100"
  fieldPath: spec.containers{nginx}
reason: Pulled
message: Successfully pulled image "nginx:1.27" in 1.2s (1.2s including waiting)
source: {component: kubelet, host: node-1}
firstTimestamp: "2024-01-01T00:00:00Z"
lastTimestamp: "2024-01-01T00:05:00Z"
count: 3
type: Normal
eventTime: "2024-01-01T00:00:00.123456Z"
series: {count: 3, lastObservedTime: "2024-01-01T00:05:00.000000Z"}
action: Pulling
related: {kind: Node, name: node-1}
reportingComponent: kubelet
reportingInstance: node-1
"""

OTHERS = [
    """
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  podManagementPolicy: Parallel
  ordinals: {start: 1}
  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 0, maxUnavailable: 1}}
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: "registry.k8s.io/nginx-slim:0.24", volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]}]
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
    status: {phase: Pending}
status: {replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1, currentRevision: web-1, updateRevision: web-1, collisionCount: 0}
""",
    """
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: fluentd, namespace: kube-system}
spec:
  selector: {matchLabels: {name: fluentd}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1, maxSurge: 0}}
  template:
    metadata: {labels: {name: fluentd}}
    spec:
      tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
      containers: [{name: fluentd, image: "quay.io/fluentd_elasticsearch/fluentd:v5.0.1"}]
status: {currentNumberScheduled: 3, numberMisscheduled: 0, desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3}
""",
    """
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: frontend}
spec:
  replicas: 3
  selector: {matchExpressions: [{key: tier, operator: In, values: [frontend]}]}
  template:
    metadata: {labels: {tier: frontend}}
    spec: {containers: [{name: php-redis, image: "us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5"}]}
status: {replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1}
""",
    """
apiVersion: batch/v1
kind: CronJob
metadata: {name: hello}
spec:
  schedule: "* * * * *"
  timeZone: Etc/UTC
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 200
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  suspend: false
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: hello, image: "busybox:1.28", command: [/bin/sh, -c, date]}]
          restartPolicy: OnFailure
status:
  active: [{kind: Job, name: hello-1, namespace: default, apiVersion: batch/v1}]
  lastScheduleTime: "2024-01-01T00:01:00Z"
  lastSuccessfulTime: "2024-01-01T00:00:10Z"
""",
    """
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: node-1, namespace: kube-node-lease}
spec:
  holderIdentity: node-1
  leaseDurationSeconds: 40
  acquireTime: "2024-01-01T00:00:00.000000Z"
  renewTime: "2024-01-01T00:00:30.500000Z"
  leaseTransitions: 0
  strategy: OldestEmulationVersion
  preferredHolder: node-2
""",
    """
apiVersion: v1
kind: ConfigMap
metadata: {name: game-demo}
data:
  player_initial_lives: "3"
  game.properties: |
    enemy.types=aliens,monsters
binaryData: {blob: aGVsbG8=}
immutable: true
""",
    """
apiVersion: v1
kind: Secret
metadata: {name: db}
type: Opaque
data: {password: cGFzc3dvcmQ=, empty: ""}
stringData: {username: admin}
immutable: false
""",
    """
apiVersion: v1
kind: Namespace
metadata: {name: dev}
spec: {finalizers: [kubernetes]}
status:
  phase: Terminating
  conditions: [{type: NamespaceDeletionContentFailure, status: "False", lastTransitionTime: "2024-01-01T00:00:00Z", reason: ContentDeleted, message: All content successfully deleted}]
""",
]

ALL = [NGINX_POD, SIDECAR_POD, PROBES_POD, ALL_VOLUMES_POD, RUNNING_POD_STATUS, DEPLOYMENT, JOB, NODE, EVENT, *OTHERS]
MODELS = {
    "Pod": Pod,
    "Deployment": Deployment,
    "Job": Job,
    "Node": Node,
    "Event": Event,
    "StatefulSet": StatefulSet,
    "DaemonSet": DaemonSet,
    "ReplicaSet": ReplicaSet,
    "CronJob": CronJob,
    "Lease": Lease,
    "ConfigMap": ConfigMap,
    "Secret": Secret,
    "Namespace": Namespace,
}


def _without_nulls(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _without_nulls(v) for k, v in x.items() if v is not None}
    if isinstance(x, list):
        return [_without_nulls(v) for v in x]
    return x


def _normalise_quantities(x: Any, path: str = "") -> Any:
    """What the API server sends back: quantities in canonical form."""
    if isinstance(x, dict):
        out = {}
        for k, v in x.items():
            p = f"{path}.{k}"
            if any(p.endswith(s) for s in (".limits", ".requests", ".capacity", ".allocatable", ".allocatedResources")) and isinstance(v, dict):
                out[k] = {rk: str(Quantity(rv)) for rk, rv in v.items()}
            elif k in ("sizeLimit", "divisor"):
                out[k] = str(Quantity(v))
            else:
                out[k] = _normalise_quantities(v, p)
        return out
    if isinstance(x, list):
        return [_normalise_quantities(v, path) for v in x]
    return x


@pytest.mark.parametrize("text", ALL, ids=lambda t: one(t)["kind"] + "/" + one(t)["metadata"]["name"])
def test_real_manifest_round_trips(text: str) -> None:
    d = one(text)
    model = MODELS[d["kind"]]
    obj = model.from_dict(d)
    out = obj.to_dict()
    assert out == _normalise_quantities(_without_nulls(d))
    assert model.from_dict(out) == obj
    assert model.from_dict(obj.copy_deep().to_dict()) == obj


def test_nginx_pod_reads_with_json_names() -> None:
    pod = Pod.from_dict(one(NGINX_POD))
    assert pod.apiVersion == "v1" and pod.kind == "Pod"
    assert pod.metadata is not None and pod.metadata.name == "nginx"
    c = pod.spec.containers[0]  # type: ignore[union-attr,index]
    assert (c.name, c.image, c.ports[0].containerPort) == ("nginx", "nginx:1.14.2", 80)  # type: ignore[index]
    assert c.imagePullPolicy is None and pod.spec.restartPolicy is None  # type: ignore[union-attr]


def test_python_keywords_get_an_alias_only() -> None:
    lm = MetaListMeta.from_dict({"continue": "abc", "resourceVersion": "7"})
    assert lm.continue_ == "abc"
    assert lm.to_dict() == {"continue": "abc", "resourceVersion": "7"}
    assert MetaListMeta(continue_="x").to_dict() == {"continue": "x"}


def test_names_are_the_kubernetes_json_names() -> None:
    assert {"hostIPC", "hostPID", "restartPolicy", "setHostnameAsFQDN", "dnsConfig"} <= set(PodSpec.model_fields)
    assert {"podIP", "podIPs", "qosClass", "hostIPs", "nominatedNodeName"} <= set(PodStatus.model_fields)
    assert "imagePullPolicy" in Container.model_fields


# Every field of the Go structs (k8s.io/api/core/v1/types.go, 1.34).
GO_FIELDS = {
    PodSpec: "activeDeadlineSeconds affinity automountServiceAccountToken containers dnsConfig dnsPolicy "
    "enableServiceLinks ephemeralContainers hostAliases hostIPC hostNetwork hostPID hostUsers hostname "
    "hostnameOverride imagePullSecrets initContainers nodeName nodeSelector os overhead preemptionPolicy "
    "priority priorityClassName readinessGates resourceClaims resources restartPolicy runtimeClassName "
    "schedulerName schedulingGates securityContext serviceAccount serviceAccountName setHostnameAsFQDN "
    "shareProcessNamespace subdomain terminationGracePeriodSeconds tolerations topologySpreadConstraints volumes",
    Container: "args command env envFrom image imagePullPolicy lifecycle livenessProbe name ports readinessProbe "
    "resizePolicy resources restartPolicy restartPolicyRules securityContext startupProbe stdin stdinOnce "
    "terminationMessagePath terminationMessagePolicy tty volumeDevices volumeMounts workingDir",
    PodStatus: "conditions containerStatuses ephemeralContainerStatuses extendedResourceClaimStatus hostIP hostIPs "
    "initContainerStatuses message nominatedNodeName observedGeneration phase podIP podIPs qosClass reason "
    "resize resourceClaimStatuses startTime",
    ContainerStatus: "allocatedResources allocatedResourcesStatus containerID image imageID lastState name ready "
    "resources restartCount started state stopSignal user volumeMounts",
    Probe: "exec failureThreshold grpc httpGet initialDelaySeconds periodSeconds successThreshold tcpSocket "
    "terminationGracePeriodSeconds timeoutSeconds",
    ObjectMeta: "annotations creationTimestamp deletionGracePeriodSeconds deletionTimestamp finalizers "
    "generateName generation labels managedFields name namespace ownerReferences resourceVersion selfLink uid",
}


@pytest.mark.parametrize("model", list(GO_FIELDS), ids=lambda m: m.__name__)
def test_every_go_field_is_present(model: type[K8sModel]) -> None:
    assert sorted(f.alias or n for n, f in model.model_fields.items()) == sorted(GO_FIELDS[model].split())


def test_ephemeral_container_has_target_container_name() -> None:
    assert "targetContainerName" in EphemeralContainer.model_fields
    assert "restartPolicy" in EphemeralContainer.model_fields


def test_every_volume_source_is_known() -> None:
    sources = set(Volume.model_fields) - {"name"}
    assert sources == set(
        ["awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "image", "iscsi", "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "secret", "storageos", "vsphereVolume"]
    )
    pod = Pod.from_dict(one(ALL_VOLUMES_POD))
    used = {k for v in pod.spec.volumes for k in v.to_dict() if k != "name"}  # type: ignore[union-attr]
    assert used == sources


def test_volume_claim_templates_carry_their_kind_as_the_api_server_shows_them() -> None:
    sts = StatefulSet.from_dict({"spec": {"volumeClaimTemplates": [{"metadata": {"name": "www"}}]}})
    assert sts.to_dict()["spec"]["volumeClaimTemplates"] == [
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "www"}}
    ]


def test_kind_and_api_version_default() -> None:
    assert Pod().to_dict() == {"apiVersion": "v1", "kind": "Pod"}
    assert Deployment().to_dict() == {"apiVersion": "apps/v1", "kind": "Deployment"}
    assert CronJob().to_dict() == {"apiVersion": "batch/v1", "kind": "CronJob"}
    assert Lease().to_dict() == {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease"}
    assert issubclass(Pod, KubeObject) and Pod.KIND == "Pod"


def test_explicit_empty_values_are_kept_and_nulls_dropped() -> None:
    d = {"metadata": {"name": "x", "labels": {}, "creationTimestamp": None}, "spec": {"containers": [], "securityContext": {}}, "status": {}}
    assert Pod.from_dict(d).to_dict() == {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "x", "labels": {}},
        "spec": {"containers": [], "securityContext": {}},
        "status": {},
    }


def test_times() -> None:
    pod = Pod.from_dict({"metadata": {"creationTimestamp": "2024-01-01T02:00:00+02:00"}})
    ts = pod.metadata.creationTimestamp  # type: ignore[union-attr]
    assert ts == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert pod.to_dict()["metadata"] == {"creationTimestamp": "2024-01-01T00:00:00Z"}
    pod.metadata.creationTimestamp = datetime(2024, 5, 6, 7, 8, 9)  # type: ignore[union-attr]
    assert pod.to_dict()["metadata"] == {"creationTimestamp": "2024-05-06T07:08:09Z"}
    ev = Event.from_dict({"eventTime": "2024-01-01T00:00:00Z"})
    assert ev.to_dict()["eventTime"] == "2024-01-01T00:00:00.000000Z"
    # metav1.Time is whole seconds on the wire, so the model drops the fraction
    assert ObjectMeta.from_dict({"creationTimestamp": "2024-01-01T00:00:00.7Z"}).to_dict() == {
        "creationTimestamp": "2024-01-01T00:00:00Z"
    }


def test_int_or_string_kept_as_given() -> None:
    d = one(DEPLOYMENT)
    dep = Deployment.from_dict(d)
    ru = dep.spec.strategy.rollingUpdate  # type: ignore[union-attr]
    assert ru.maxSurge == "25%" and ru.maxUnavailable == 0  # type: ignore[union-attr]
    probe = Probe.from_dict({"httpGet": {"port": "http"}, "tcpSocket": {"port": 8080}})
    assert probe.to_dict() == {"httpGet": {"port": "http"}, "tcpSocket": {"port": 8080}}


def test_yaml_integral_floats_are_accepted_like_yaml_to_json() -> None:
    pod = Pod.from_dict({"spec": {"containers": [{"name": "c", "ports": [{"containerPort": 80.0}]}]}})
    assert pod.spec.containers[0].ports[0].containerPort == 80  # type: ignore[union-attr,index]


def test_to_yaml_is_kubectl_like() -> None:
    pod = Pod.from_dict(one(NGINX_POD))
    assert pod.to_yaml() == (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n"
        "  - image: nginx:1.14.2\n    name: nginx\n    ports:\n    - containerPort: 80\n"
    )


def test_copy_deep_is_independent() -> None:
    pod = Pod.from_dict(one(SIDECAR_POD))
    cp = pod.copy_deep()
    assert cp == pod
    cp.spec.containers[0].env[0].value = "dev"  # type: ignore[union-attr,index]
    cp.metadata.labels["app"] = "other"  # type: ignore[union-attr,index]
    assert pod.spec.containers[0].env[0].value == "production"  # type: ignore[union-attr,index]
    assert pod.metadata.labels == {"app": "web"}  # type: ignore[union-attr]


def test_kubectl_dry_run_output_loads() -> None:
    # `kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml`
    text = """
apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
"""
    dep = Deployment.from_dict(one(text))
    assert dep.to_dict()["spec"]["template"] == {
        "metadata": {"labels": {"app": "web"}},
        "spec": {"containers": [{"image": "nginx:1.27", "name": "nginx", "ports": [{"containerPort": 80}], "resources": {}}]},
    }


# ---------------------------------------------------------------------------------------------
# Strict decoding: kube-apiserver's words
# ---------------------------------------------------------------------------------------------

P = 'Pod in version "v1" cannot be handled as a Pod: '

STRICT_ERRORS = [
    (
        {"spec": {"containers": [{"name": "c", "imagee": "nginx"}]}},
        P + 'strict decoding error: unknown field "spec.containers[0].imagee"',
    ),
    (
        {"metadata": {"name": "x", "lables": {}}, "spec": {"containers": [{"name": "c", "foo": 1}], "bar": 2}},
        P
        + 'strict decoding error: unknown field "metadata.lables", unknown field "spec.containers[0].foo", unknown field "spec.bar"',
    ),
    ({"specs": {}}, P + 'strict decoding error: unknown field "specs"'),
    (
        {"spec": {"containers": [{"name": "c", "ports": [{"containerPort": "80"}]}]}},
        P + "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
    ),
    (
        {"spec": {"containers": [{"name": "c", "ports": [{"containerPort": 1.5}]}]}},
        P + "json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
    ),
    (
        {"metadata": {"labels": {"version": 1}}},
        P + "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
    ),
    (
        {"spec": {"containers": {"name": "c"}}},
        P + "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
    ),
    (
        {"spec": {"containers": ["nginx"]}},
        P + "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container",
    ),
    (
        {"spec": {"restartPolicy": 1}},
        P + "json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy",
    ),
    (
        {"spec": {"hostNetwork": "true"}},
        P + "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool",
    ),
    (
        {"spec": {"containers": [{"name": "c", "command": "sleep 10"}]}},
        P + "json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string",
    ),
    (
        {"spec": {"terminationGracePeriodSeconds": "30"}},
        P + "json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64",
    ),
    (
        {"spec": {"priority": 3000000000}},
        P + "json: cannot unmarshal number 3000000000 into Go struct field PodSpec.spec.priority of type int32",
    ),
    (
        {"spec": {"containers": [{"securityContext": {"capabilities": {"add": [1]}}}]}},
        P + "json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability",
    ),
    (
        {"metadata": "nginx"},
        P + "json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta",
    ),
    (
        {"spec": {"containers": [{"name": 5}]}},
        P + "json: cannot unmarshal number into Go struct field Container.spec.containers.name of type string",
    ),
    (
        {"metadata": {"creationTimestamp": "yesterday"}},
        P + 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ),
    (
        {"spec": {"containers": [{"livenessProbe": {"httpGet": {"port": True}}}]}},
        P + "json: cannot unmarshal bool into Go value of type int32",
    ),
    (
        # a type error wins over unknown fields, as in Go (strict errors are only reported on success)
        {"spec": {"x": 1, "hostPID": 1}},
        P + "json: cannot unmarshal number into Go struct field PodSpec.spec.hostPID of type bool",
    ),
]


@pytest.mark.parametrize(("data", "message"), STRICT_ERRORS)
def test_strict_decoding_messages(data: dict[str, Any], message: str) -> None:
    with pytest.raises(BadRequest) as e:
        Pod.from_dict(data)
    assert str(e.value) == message
    assert e.value.code == 400 and e.value.reason == "BadRequest"
    assert "pydantic" not in str(e.value) and "Input should" not in str(e.value)


def test_strict_error_names_the_kind_and_version() -> None:
    with pytest.raises(BadRequest) as e:
        Deployment.from_dict({"spec": {"template": {"spec": {"initContainers": [{"name": "s", "restartPolicyy": "Always"}]}}}})
    assert str(e.value) == (
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: '
        'unknown field "spec.template.spec.initContainers[0].restartPolicyy"'
    )


def test_path_prefix_for_embedded_objects() -> None:
    with pytest.raises(BadRequest) as e:
        PodSpec.from_dict({"containerz": []}, path_prefix="spec.template.spec.")
    assert str(e.value).endswith('strict decoding error: unknown field "spec.template.spec.containerz"')


def test_secret_data_must_be_base64() -> None:
    with pytest.raises(BadRequest) as e:
        Secret.from_dict({"data": {"password": "not base64!"}})
    assert str(e.value) == 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3'
    assert Secret.from_dict({"stringData": {"password": "not base64!"}}).stringData == {"password": "not base64!"}


def test_python_constructors_speak_kubernetes_too() -> None:
    c = Container(name="c", image="nginx", ports=[{"containerPort": 80}], resources={"limits": {"cpu": "1"}})
    pod = Pod(metadata={"name": "x"}, spec={"containers": [c]})
    assert pod.to_dict()["spec"]["containers"][0] == {
        "image": "nginx",
        "name": "c",
        "ports": [{"containerPort": 80}],
        "resources": {"limits": {"cpu": "1"}},
    }
    with pytest.raises(BadRequest) as e:
        Pod(spec={"containers": [{"name": "c", "imagee": "x"}]})
    assert str(e.value) == P + 'strict decoding error: unknown field "spec.containers[0].imagee"'
    # a part of an object reports the decoding error alone
    with pytest.raises(BadRequest) as e:
        Container(name="c", ports=[{"containerPort": "80"}])
    assert str(e.value) == "json: cannot unmarshal string into Go struct field ContainerPort.ports.containerPort of type int32"
