"""core/v1 volumes: ``Volume`` with every volume source, mounts, projections and ``PersistentVolumeClaim``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import Int32, Int64, K8sModel, KubeObject, Time
from sandbox.api.core.common import (
    LocalObjectReference,
    ObjectFieldSelector,
    ResourceFieldSelector,
    TypedLocalObjectReference,
    TypedObjectReference,
    VolumeResourceRequirements,
)
from sandbox.api.meta import LabelSelector, ObjectMeta
from sandbox.api.quantity import Quantity, ResourceList

__all__ = [
    "AWSElasticBlockStoreVolumeSource",
    "AzureDiskVolumeSource",
    "AzureFileVolumeSource",
    "CSIVolumeSource",
    "CephFSVolumeSource",
    "CinderVolumeSource",
    "ClusterTrustBundleProjection",
    "KeyToPath",
    "ConfigMapProjection",
    "ConfigMapVolumeSource",
    "VolumeDevice",
    "VolumeMount",
    "VolumeMountStatus",
    "DownwardAPIVolumeFile",
    "DownwardAPIVolumeSource",
    "EmptyDirVolumeSource",
    "PersistentVolumeClaimSpec",
    "PersistentVolumeClaimTemplate",
    "EphemeralVolumeSource",
    "FCVolumeSource",
    "FlexVolumeSource",
    "FlockerVolumeSource",
    "GCEPersistentDiskVolumeSource",
    "GitRepoVolumeSource",
    "GlusterfsVolumeSource",
    "HostPathVolumeSource",
    "ImageVolumeSource",
    "ISCSIVolumeSource",
    "NFSVolumeSource",
    "PersistentVolumeClaimVolumeSource",
    "PhotonPersistentDiskVolumeSource",
    "PortworxVolumeSource",
    "DownwardAPIProjection",
    "PodCertificateProjection",
    "SecretProjection",
    "ServiceAccountTokenProjection",
    "VolumeProjection",
    "ProjectedVolumeSource",
    "QuobyteVolumeSource",
    "RBDVolumeSource",
    "ScaleIOVolumeSource",
    "SecretVolumeSource",
    "StorageOSVolumeSource",
    "VsphereVirtualDiskVolumeSource",
    "Volume",
    "ModifyVolumeStatus",
    "PersistentVolumeClaimCondition",
    "PersistentVolumeClaimStatus",
    "PersistentVolumeClaim",
]


class AWSElasticBlockStoreVolumeSource(K8sModel):
    """Represents a Persistent Disk resource in AWS.

    An AWS EBS disk must exist before mounting to a container. The disk must also be in the same AWS zone as the kubelet. An AWS EBS disk can only be mounted as read/write once. AWS EBS volumes support ownership management and SELinux relabeling.

    ``AWSElasticBlockStoreVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("volumeID",)

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")
    partition: Optional[Int32] = Field(None, description="partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \"1\". Similarly, the volume partition for /dev/sda is \"0\" (or you can leave the property empty).")
    readOnly: Optional[bool] = Field(None, description="readOnly value true will force the readOnly setting in VolumeMounts. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")
    volumeID: Optional[str] = Field(None, description="volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume). More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")


class AzureDiskVolumeSource(K8sModel):
    """AzureDisk represents an Azure Data Disk mount on the host and bind mount to the pod.

    ``AzureDiskVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("diskName", "diskURI")

    cachingMode: Optional[str] = Field(None, description="cachingMode is the Host Caching mode: None, Read Only, Read Write.\n\nPossible enum values:\n - `\"None\"`\n - `\"ReadOnly\"`\n - `\"ReadWrite\"`", json_schema_extra={"enum": ["None", "ReadOnly", "ReadWrite"]})
    diskName: Optional[str] = Field(None, description="diskName is the Name of the data disk in the blob storage")
    diskURI: Optional[str] = Field(None, description="diskURI is the URI of data disk in the blob storage")
    fsType: Optional[str] = Field(None, description="fsType is Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    kind: Optional[str] = Field(None, description="kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared\n\nPossible enum values:\n - `\"Dedicated\"`\n - `\"Managed\"`\n - `\"Shared\"`", json_schema_extra={"enum": ["Dedicated", "Managed", "Shared"]})
    readOnly: Optional[bool] = Field(None, description="readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")


class AzureFileVolumeSource(K8sModel):
    """AzureFile represents an Azure File Service mount on the host and bind mount to the pod.

    ``AzureFileVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("secretName", "shareName")

    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretName: Optional[str] = Field(None, description="secretName is the  name of secret that contains Azure Storage Account Name and Key")
    shareName: Optional[str] = Field(None, description="shareName is the azure share Name")


class CSIVolumeSource(K8sModel):
    """Represents a source location of a volume to mount, managed by an external CSI driver

    ``CSIVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("driver",)

    driver: Optional[str] = Field(None, description="driver is the name of the CSI driver that handles this volume. Consult with your admin for the correct name as registered in the cluster.")
    fsType: Optional[str] = Field(None, description="fsType to mount. Ex. \"ext4\", \"xfs\", \"ntfs\". If not provided, the empty value is passed to the associated CSI driver which will determine the default filesystem to apply.")
    nodePublishSecretRef: Optional[LocalObjectReference] = Field(None, description="nodePublishSecretRef is a reference to the secret object containing sensitive information to pass to the CSI driver to complete the CSI NodePublishVolume and NodeUnpublishVolume calls. This field is optional, and  may be empty if no secret is required. If the secret object contains more than one secret, all secret references are passed.")
    readOnly: Optional[bool] = Field(None, description="readOnly specifies a read-only configuration for the volume. Defaults to false (read/write).")
    volumeAttributes: Optional[dict[str, str]] = Field(None, description="volumeAttributes stores driver-specific properties that are passed to the CSI driver. Consult your driver's documentation for supported values.")


class CephFSVolumeSource(K8sModel):
    """Represents a Ceph Filesystem mount that lasts the lifetime of a pod Cephfs volumes do not support ownership management or SELinux relabeling.

    ``CephFSVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("monitors",)

    monitors: Optional[list[str]] = Field(None, description="monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    path: Optional[str] = Field(None, description="path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    secretFile: Optional[str] = Field(None, description="secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef is Optional: SecretRef is reference to the authentication secret for User, default is empty. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    user: Optional[str] = Field(None, description="user is optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")


class CinderVolumeSource(K8sModel):
    """Represents a cinder volume resource in Openstack. A Cinder volume must exist before mounting to a container. The volume must also be in the same region as the kubelet. Cinder volumes support ownership management and SELinux relabeling.

    ``CinderVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("volumeID",)

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef is optional: points to a secret object containing parameters used to connect to OpenStack.")
    volumeID: Optional[str] = Field(None, description="volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")


class ClusterTrustBundleProjection(K8sModel):
    """ClusterTrustBundleProjection describes how to select a set of ClusterTrustBundle objects and project their contents into the pod filesystem.

    ``ClusterTrustBundleProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("path",)

    labelSelector: Optional[LabelSelector] = Field(None, description="Select all ClusterTrustBundles that match this label selector.  Only has effect if signerName is set.  Mutually-exclusive with name.  If unset, interpreted as \"match nothing\".  If set but empty, interpreted as \"match everything\".")
    name: Optional[str] = Field(None, description="Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector.")
    optional: Optional[bool] = Field(None, description="If true, don't block pod startup if the referenced ClusterTrustBundle(s) aren't available.  If using name, then the named ClusterTrustBundle is allowed not to exist.  If using signerName, then the combination of signerName and labelSelector is allowed to match zero ClusterTrustBundles.")
    path: Optional[str] = Field(None, description="Relative path from the volume root to write the bundle.")
    signerName: Optional[str] = Field(None, description="Select all ClusterTrustBundles that match this signer name. Mutually-exclusive with name.  The contents of all selected ClusterTrustBundles will be unified and deduplicated.")


class KeyToPath(K8sModel):
    """Maps a string key to a path within a volume.

    ``KeyToPath`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("key", "path")

    key: Optional[str] = Field(None, description="key is the key to project.")
    mode: Optional[Int32] = Field(None, description="mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    path: Optional[str] = Field(None, description="path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'.")


class ConfigMapProjection(K8sModel):
    """Adapts a ConfigMap into a projected volume.

    The contents of the target ConfigMap's Data field will be presented in a projected volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. Note that this is identical to a configmap volume source without the default mode.

    ``ConfigMapProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional specify whether the ConfigMap or its keys must be defined")


class ConfigMapVolumeSource(K8sModel):
    """Adapts a ConfigMap into a volume.

    The contents of the target ConfigMap's Data field will be presented in a volume as files using the keys in the Data field as the file names, unless the items element is populated with specific mappings of keys to paths. ConfigMap volumes support ownership management and SELinux relabeling.

    ``ConfigMapVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    defaultMode: Optional[Int32] = Field(None, description="defaultMode is optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional specify whether the ConfigMap or its keys must be defined")


class VolumeDevice(K8sModel):
    """volumeDevice describes a mapping of a raw block device within a container.

    ``VolumeDevice`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name", "devicePath")

    devicePath: Optional[str] = Field(None, description="devicePath is the path inside of the container that the device will be mapped to.")
    name: Optional[str] = Field(None, description="name must match the name of a persistentVolumeClaim in the pod")


class VolumeMount(K8sModel):
    """VolumeMount describes a mounting of a Volume within a container.

    ``VolumeMount`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'mountPropagation': 'v1.MountPropagationMode', 'recursiveReadOnly': 'v1.RecursiveReadOnlyMode'}
    _required_fields: ClassVar[tuple[str, ...]] = ("name", "mountPath")

    mountPath: Optional[str] = Field(None, description="Path within the container at which the volume should be mounted.  Must not contain ':'.")
    mountPropagation: Optional[str] = Field(None, description="mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).\n\nPossible enum values:\n - `\"Bidirectional\"` means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rshared\" in Linux terminology).\n - `\"HostToContainer\"` means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume (\"rslave\" in Linux terminology).\n - `\"None\"` means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won't be propagated to the host or other containers. Note that this mode corresponds to \"private\" in Linux terminology.", json_schema_extra={"enum": ["Bidirectional", "HostToContainer", "None"]})
    name: Optional[str] = Field(None, description="This must match the Name of a Volume.")
    readOnly: Optional[bool] = Field(None, description="Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.")
    recursiveReadOnly: Optional[str] = Field(None, description="RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled.")
    subPath: Optional[str] = Field(None, description="Path within the volume from which the container's volume should be mounted. Defaults to \"\" (volume's root).")
    subPathExpr: Optional[str] = Field(None, description="Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \"\" (volume's root). SubPathExpr and SubPath are mutually exclusive.")


class VolumeMountStatus(K8sModel):
    """VolumeMountStatus shows status of volume mounts.

    ``VolumeMountStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name", "mountPath")

    mountPath: Optional[str] = Field(None, description="MountPath corresponds to the original VolumeMount.")
    name: Optional[str] = Field(None, description="Name corresponds to the name of the original VolumeMount.")
    readOnly: Optional[bool] = Field(None, description="ReadOnly corresponds to the original VolumeMount.")
    recursiveReadOnly: Optional[str] = Field(None, description="RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result.")


class DownwardAPIVolumeFile(K8sModel):
    """DownwardAPIVolumeFile represents information to create the file containing the pod field

    ``DownwardAPIVolumeFile`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("path",)

    fieldRef: Optional[ObjectFieldSelector] = Field(None, description="Required: Selects a field of the pod: only annotations, labels, name, namespace and uid are supported.")
    mode: Optional[Int32] = Field(None, description="Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    path: Optional[str] = Field(None, description="Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'")
    resourceFieldRef: Optional[ResourceFieldSelector] = Field(None, description="Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, requests.cpu and requests.memory) are currently supported.")


class DownwardAPIVolumeSource(K8sModel):
    """DownwardAPIVolumeSource represents a volume containing downward API info. Downward API volumes support ownership management and SELinux relabeling.

    ``DownwardAPIVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    defaultMode: Optional[Int32] = Field(None, description="Optional: mode bits to use on created files by default. Must be a Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[DownwardAPIVolumeFile]] = Field(None, description="Items is a list of downward API volume file")


class EmptyDirVolumeSource(K8sModel):
    """Represents an empty directory for a pod. Empty directory volumes support ownership management and SELinux relabeling.

    ``EmptyDirVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'medium': 'v1.StorageMedium'}

    medium: Optional[str] = Field(None, description="medium represents what type of storage medium should back this directory. The default is \"\" which means to use the node's default medium. Must be an empty string (default) or Memory. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir")
    sizeLimit: Optional[Quantity] = Field(None, description="sizeLimit is the total amount of local storage required for this EmptyDir volume. The size limit is also applicable for memory medium. The maximum usage on memory medium EmptyDir would be the minimum value between the SizeLimit specified here and the sum of memory limits of all containers in a pod. The default is nil which means that the limit is undefined. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir")


class PersistentVolumeClaimSpec(K8sModel):
    """PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes

    ``PersistentVolumeClaimSpec`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'accessModes': '[]v1.PersistentVolumeAccessMode', 'volumeMode': 'v1.PersistentVolumeMode'}

    accessModes: Optional[list[str]] = Field(None, description="accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1")
    dataSource: Optional[TypedLocalObjectReference] = Field(None, description="dataSource field can be used to specify either: * An existing VolumeSnapshot object (snapshot.storage.k8s.io/VolumeSnapshot) * An existing PVC (PersistentVolumeClaim) If the provisioner or an external controller can support the specified data source, it will create a new volume based on the contents of the specified data source. When the AnyVolumeDataSource feature gate is enabled, dataSource contents will be copied to dataSourceRef, and dataSourceRef contents will be copied to dataSource when dataSourceRef.namespace is not specified. If the namespace is specified, then dataSourceRef will not be copied to dataSource.")
    dataSourceRef: Optional[TypedObjectReference] = Field(None, description="dataSourceRef specifies the object from which to populate the volume with data, if a non-empty volume is desired. This may be any object from a non-empty API group (non core object) or a PersistentVolumeClaim object. When this field is specified, volume binding will only succeed if the type of the specified object matches some installed volume populator or dynamic provisioner. This field will replace the functionality of the dataSource field and as such if both fields are non-empty, they must have the same value. For backwards compatibility, when namespace isn't specified in dataSourceRef, both fields (dataSource and dataSourceRef) will be set to the same value automatically if one of them is empty and the other is non-empty. When namespace is specified in dataSourceRef, dataSource isn't set to the same value and must be empty. There are three important differences between dataSource and dataSourceRef: * While dataSource only allows two specific types of objects, dataSourceRef\n  allows any non-core object, as well as PersistentVolumeClaim objects.\n* While dataSource ignores disallowed values (dropping them), dataSourceRef\n  preserves all values, and generates an error if a disallowed value is\n  specified.\n* While dataSource only allows local objects, dataSourceRef allows objects\n  in any namespaces.\n(Beta) Using this field requires the AnyVolumeDataSource feature gate to be enabled. (Alpha) Using the namespace field of dataSourceRef requires the CrossNamespaceVolumeDataSource feature gate to be enabled.")
    resources: Optional[VolumeResourceRequirements] = Field(None, description="resources represents the minimum resources the volume should have. If RecoverVolumeExpansionFailure feature is enabled users are allowed to specify resource requirements that are lower than previous value but must still be higher than capacity recorded in the status field of the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#resources")
    selector: Optional[LabelSelector] = Field(None, description="selector is a label query over volumes to consider for binding.")
    storageClassName: Optional[str] = Field(None, description="storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1")
    volumeAttributesClassName: Optional[str] = Field(None, description="volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string or nil value indicates that no VolumeAttributesClass will be applied to the claim. If the claim enters an Infeasible error state, this field can be reset to its previous value (including nil) to cancel the modification. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/")
    volumeMode: Optional[str] = Field(None, description="volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.\n\nPossible enum values:\n - `\"Block\"` means the volume will not be formatted with a filesystem and will remain a raw block device.\n - `\"Filesystem\"` means the volume will be or is formatted with a filesystem.", json_schema_extra={"enum": ["Block", "Filesystem"]})
    volumeName: Optional[str] = Field(None, description="volumeName is the binding reference to the PersistentVolume backing this claim.")


class PersistentVolumeClaimTemplate(K8sModel):
    """PersistentVolumeClaimTemplate is used to produce PersistentVolumeClaim objects as part of an EphemeralVolumeSource.

    ``PersistentVolumeClaimTemplate`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("spec",)

    metadata: Optional[ObjectMeta] = Field(None, description="May contain labels and annotations that will be copied into the PVC when creating it. No other fields are allowed and will be rejected during validation.")
    spec: Optional[PersistentVolumeClaimSpec] = Field(None, description="The specification for the PersistentVolumeClaim. The entire content is copied unchanged into the PVC that gets created from this template. The same fields as in a PersistentVolumeClaim are also valid here.")


class EphemeralVolumeSource(K8sModel):
    """Represents an ephemeral volume that is handled by a normal storage driver.

    ``EphemeralVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    volumeClaimTemplate: Optional[PersistentVolumeClaimTemplate] = Field(None, description="Will be used to create a stand-alone PVC to provision the volume. The pod in which this EphemeralVolumeSource is embedded will be the owner of the PVC, i.e. the PVC will be deleted together with the pod.  The name of the PVC will be `<pod name>-<volume name>` where `<volume name>` is the name from the `PodSpec.Volumes` array entry. Pod validation will reject the pod if the concatenated name is not valid for a PVC (for example, too long).\n\nAn existing PVC with that name that is not owned by the pod will *not* be used for the pod to avoid using an unrelated volume by mistake. Starting the pod is then blocked until the unrelated PVC is removed. If such a pre-created PVC is meant to be used by the pod, the PVC has to updated with an owner reference to the pod once the pod exists. Normally this should not be necessary, but it may be useful when manually reconstructing a broken cluster.\n\nThis field is read-only and no changes will be made by Kubernetes to the PVC after it has been created.\n\nRequired, must not be nil.")


class FCVolumeSource(K8sModel):
    """Represents a Fibre Channel volume. Fibre Channel volumes can only be mounted as read/write once. Fibre Channel volumes support ownership management and SELinux relabeling.

    ``FCVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    lun: Optional[Int32] = Field(None, description="lun is Optional: FC target lun number")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    targetWWNs: Optional[list[str]] = Field(None, description="targetWWNs is Optional: FC target worldwide names (WWNs)")
    wwids: Optional[list[str]] = Field(None, description="wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously.")


class FlexVolumeSource(K8sModel):
    """FlexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin.

    ``FlexVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("driver",)

    driver: Optional[str] = Field(None, description="driver is the name of the driver to use for this volume.")
    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". The default filesystem depends on FlexVolume script.")
    options: Optional[dict[str, str]] = Field(None, description="options is Optional: this field holds extra command options if any.")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef is Optional: secretRef is reference to the secret object containing sensitive information to pass to the plugin scripts. This may be empty if no secret object is specified. If the secret object contains more than one secret, all secrets are passed to the plugin scripts.")


class FlockerVolumeSource(K8sModel):
    """Represents a Flocker volume mounted by the Flocker agent. One and only one of datasetName and datasetUUID should be set. Flocker volumes do not support ownership management or SELinux relabeling.

    ``FlockerVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    datasetName: Optional[str] = Field(None, description="datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated")
    datasetUUID: Optional[str] = Field(None, description="datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset")


class GCEPersistentDiskVolumeSource(K8sModel):
    """Represents a Persistent Disk resource in Google Compute Engine.

    A GCE PD must exist before mounting to a container. The disk must also be in the same GCE project and zone as the kubelet. A GCE PD can only be mounted as read/write once or read-only many times. GCE PDs support ownership management and SELinux relabeling.

    ``GCEPersistentDiskVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("pdName",)

    fsType: Optional[str] = Field(None, description="fsType is filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    partition: Optional[Int32] = Field(None, description="partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \"1\". Similarly, the volume partition for /dev/sda is \"0\" (or you can leave the property empty). More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    pdName: Optional[str] = Field(None, description="pdName is unique name of the PD resource in GCE. Used to identify the disk in GCE. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")


class GitRepoVolumeSource(K8sModel):
    """Represents a volume that is populated with the contents of a git repository. Git repo volumes do not support ownership management. Git repo volumes support SELinux relabeling.

    DEPRECATED: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container.

    ``GitRepoVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("repository",)

    directory: Optional[str] = Field(None, description="directory is the target directory name. Must not contain or start with '..'.  If '.' is supplied, the volume directory will be the git repository.  Otherwise, if specified, the volume will contain the git repository in the subdirectory with the given name.")
    repository: Optional[str] = Field(None, description="repository is the URL")
    revision: Optional[str] = Field(None, description="revision is the commit hash for the specified revision.")


class GlusterfsVolumeSource(K8sModel):
    """Represents a Glusterfs mount that lasts the lifetime of a pod. Glusterfs volumes do not support ownership management or SELinux relabeling.

    ``GlusterfsVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("endpoints", "path")

    endpoints: Optional[str] = Field(None, description="endpoints is the endpoint name that details Glusterfs topology.")
    path: Optional[str] = Field(None, description="path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")


class HostPathVolumeSource(K8sModel):
    """Represents a host path mapped into a pod. Host path volumes do not support ownership management or SELinux relabeling.

    ``HostPathVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.HostPathType'}
    _required_fields: ClassVar[tuple[str, ...]] = ("path",)

    path: Optional[str] = Field(None, description="path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")
    type: Optional[str] = Field(None, description="type for HostPath Volume Defaults to \"\" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath\n\nPossible enum values:\n - `\"\"` For backwards compatible, leave it empty if unset\n - `\"BlockDevice\"` A block device must exist at the given path\n - `\"CharDevice\"` A character device must exist at the given path\n - `\"Directory\"` A directory must exist at the given path\n - `\"DirectoryOrCreate\"` If nothing exists at the given path, an empty directory will be created there as needed with file mode 0755, having the same group and ownership with Kubelet.\n - `\"File\"` A file must exist at the given path\n - `\"FileOrCreate\"` If nothing exists at the given path, an empty file will be created there as needed with file mode 0644, having the same group and ownership with Kubelet.\n - `\"Socket\"` A UNIX socket must exist at the given path", json_schema_extra={"enum": ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"]})


class ImageVolumeSource(K8sModel):
    """ImageVolumeSource represents a image volume resource.

    ``ImageVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'pullPolicy': 'v1.PullPolicy'}

    pullPolicy: Optional[str] = Field(None, description="Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.\n\nPossible enum values:\n - `\"Always\"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `\"IfNotPresent\"` means that kubelet pulls if the image isn't present on disk. Container will fail if the image isn't present and the pull fails.\n - `\"Never\"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn't present", json_schema_extra={"enum": ["Always", "IfNotPresent", "Never"]})
    reference: Optional[str] = Field(None, description="Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.")


class ISCSIVolumeSource(K8sModel):
    """Represents an ISCSI disk. ISCSI volumes can only be mounted as read/write once. ISCSI volumes support ownership management and SELinux relabeling.

    ``ISCSIVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("targetPortal", "iqn", "lun")

    chapAuthDiscovery: Optional[bool] = Field(None, description="chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication")
    chapAuthSession: Optional[bool] = Field(None, description="chapAuthSession defines whether support iSCSI Session CHAP authentication")
    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi")
    initiatorName: Optional[str] = Field(None, description="initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection.")
    iqn: Optional[str] = Field(None, description="iqn is the target iSCSI Qualified Name.")
    iscsiInterface: Optional[str] = Field(None, description="iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp).")
    lun: Optional[Int32] = Field(None, description="lun represents iSCSI Target Lun number.")
    portals: Optional[list[str]] = Field(None, description="portals is the iSCSI Target Portal List. The portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false.")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef is the CHAP Secret for iSCSI target and initiator authentication")
    targetPortal: Optional[str] = Field(None, description="targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")


class NFSVolumeSource(K8sModel):
    """Represents an NFS mount that lasts the lifetime of a pod. NFS volumes do not support ownership management or SELinux relabeling.

    ``NFSVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("server", "path")

    path: Optional[str] = Field(None, description="path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")
    server: Optional[str] = Field(None, description="server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")


class PersistentVolumeClaimVolumeSource(K8sModel):
    """PersistentVolumeClaimVolumeSource references the user's PVC in the same namespace. This volume finds the bound PV and mounts that volume for the pod. A PersistentVolumeClaimVolumeSource is, essentially, a wrapper around another type of volume that is owned by someone else (the system).

    ``PersistentVolumeClaimVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("claimName",)

    claimName: Optional[str] = Field(None, description="claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")
    readOnly: Optional[bool] = Field(None, description="readOnly Will force the ReadOnly setting in VolumeMounts. Default false.")


class PhotonPersistentDiskVolumeSource(K8sModel):
    """Represents a Photon Controller persistent disk resource.

    ``PhotonPersistentDiskVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("pdID",)

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    pdID: Optional[str] = Field(None, description="pdID is the ID that identifies Photon Controller persistent disk")


class PortworxVolumeSource(K8sModel):
    """PortworxVolumeSource represents a Portworx volume resource.

    ``PortworxVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("volumeID",)

    fsType: Optional[str] = Field(None, description="fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    volumeID: Optional[str] = Field(None, description="volumeID uniquely identifies a Portworx volume")


class DownwardAPIProjection(K8sModel):
    """Represents downward API info for projecting into a projected volume. Note that this is identical to a downwardAPI volume source without the default mode.

    ``DownwardAPIProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    items: Optional[list[DownwardAPIVolumeFile]] = Field(None, description="Items is a list of DownwardAPIVolume file")


class PodCertificateProjection(K8sModel):
    """PodCertificateProjection provides a private key and X.509 certificate in the pod filesystem.

    ``PodCertificateProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("signerName", "keyType")

    certificateChainPath: Optional[str] = Field(None, description="Write the certificate chain at this path in the projected volume.\n\nMost applications should use credentialBundlePath.  When using keyPath and certificateChainPath, your application needs to check that the key and leaf certificate are consistent, because it is possible to read the files mid-rotation.")
    credentialBundlePath: Optional[str] = Field(None, description="Write the credential bundle at this path in the projected volume.\n\nThe credential bundle is a single file that contains multiple PEM blocks. The first PEM block is a PRIVATE KEY block, containing a PKCS#8 private key.\n\nThe remaining blocks are CERTIFICATE blocks, containing the issued certificate chain from the signer (leaf and any intermediates).\n\nUsing credentialBundlePath lets your Pod's application code make a single atomic read that retrieves a consistent key and certificate chain.  If you project them to separate files, your application code will need to additionally check that the leaf certificate was issued to the key.")
    keyPath: Optional[str] = Field(None, description="Write the key at this path in the projected volume.\n\nMost applications should use credentialBundlePath.  When using keyPath and certificateChainPath, your application needs to check that the key and leaf certificate are consistent, because it is possible to read the files mid-rotation.")
    keyType: Optional[str] = Field(None, description="The type of keypair Kubelet will generate for the pod.\n\nValid values are \"RSA3072\", \"RSA4096\", \"ECDSAP256\", \"ECDSAP384\", \"ECDSAP521\", and \"ED25519\".")
    maxExpirationSeconds: Optional[Int32] = Field(None, description="maxExpirationSeconds is the maximum lifetime permitted for the certificate.\n\nKubelet copies this value verbatim into the PodCertificateRequests it generates for this projection.\n\nIf omitted, kube-apiserver will set it to 86400(24 hours). kube-apiserver will reject values shorter than 3600 (1 hour).  The maximum allowable value is 7862400 (91 days).\n\nThe signer implementation is then free to issue a certificate with any lifetime *shorter* than MaxExpirationSeconds, but no shorter than 3600 seconds (1 hour).  This constraint is enforced by kube-apiserver. `kubernetes.io` signers will never issue certificates with a lifetime longer than 24 hours.")
    signerName: Optional[str] = Field(None, description="Kubelet's generated CSRs will be addressed to this signer.")


class SecretProjection(K8sModel):
    """Adapts a secret into a projected volume.

    The contents of the target Secret's Data field will be presented in a projected volume as files using the keys in the Data field as the file names. Note that this is identical to a secret volume source without the default mode.

    ``SecretProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional field specify whether the Secret or its key must be defined")


class ServiceAccountTokenProjection(K8sModel):
    """ServiceAccountTokenProjection represents a projected service account token volume. This projection can be used to insert a service account token into the pods runtime filesystem for use against APIs (Kubernetes API Server or otherwise).

    ``ServiceAccountTokenProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("path",)

    audience: Optional[str] = Field(None, description="audience is the intended audience of the token. A recipient of a token must identify itself with an identifier specified in the audience of the token, and otherwise should reject the token. The audience defaults to the identifier of the apiserver.")
    expirationSeconds: Optional[Int64] = Field(None, description="expirationSeconds is the requested duration of validity of the service account token. As the token approaches expiration, the kubelet volume plugin will proactively rotate the service account token. The kubelet will start trying to rotate the token if the token is older than 80 percent of its time to live or if the token is older than 24 hours.Defaults to 1 hour and must be at least 10 minutes.")
    path: Optional[str] = Field(None, description="path is the path relative to the mount point of the file to project the token into.")


class VolumeProjection(K8sModel):
    """Projection that may be projected along with other supported volume types. Exactly one of these fields must be set.

    ``VolumeProjection`` (core/v1); fields as in ``kubectl explain``.
    """

    clusterTrustBundle: Optional[ClusterTrustBundleProjection] = Field(None, description="ClusterTrustBundle allows a pod to access the `.spec.trustBundle` field of ClusterTrustBundle objects in an auto-updating file.\n\nAlpha, gated by the ClusterTrustBundleProjection feature gate.\n\nClusterTrustBundle objects can either be selected by name, or by the combination of signer name and a label selector.\n\nKubelet performs aggressive normalization of the PEM contents written into the pod filesystem.  Esoteric PEM features such as inter-block comments and block headers are stripped.  Certificates are deduplicated. The ordering of certificates within the file is arbitrary, and Kubelet may change the order over time.")
    configMap: Optional[ConfigMapProjection] = Field(None, description="configMap information about the configMap data to project")
    downwardAPI: Optional[DownwardAPIProjection] = Field(None, description="downwardAPI information about the downwardAPI data to project")
    podCertificate: Optional[PodCertificateProjection] = Field(None, description="Projects an auto-rotating credential bundle (private key and certificate chain) that the pod can use either as a TLS client or server.\n\nKubelet generates a private key and uses it to send a PodCertificateRequest to the named signer.  Once the signer approves the request and issues a certificate chain, Kubelet writes the key and certificate chain to the pod filesystem.  The pod does not start until certificates have been issued for each podCertificate projected volume source in its spec.\n\nKubelet will begin trying to rotate the certificate at the time indicated by the signer using the PodCertificateRequest.Status.BeginRefreshAt timestamp.\n\nKubelet can write a single file, indicated by the credentialBundlePath field, or separate files, indicated by the keyPath and certificateChainPath fields.\n\nThe credential bundle is a single file in PEM format.  The first PEM entry is the private key (in PKCS#8 format), and the remaining PEM entries are the certificate chain issued by the signer (typically, signers will return their certificate chain in leaf-to-root order).\n\nPrefer using the credential bundle format, since your application code can read it atomically.  If you use keyPath and certificateChainPath, your application must make two separate file reads. If these coincide with a certificate rotation, it is possible that the private key and leaf certificate you read may not correspond to each other.  Your application will need to check for this condition, and re-read until they are consistent.\n\nThe named signer controls chooses the format of the certificate it issues; consult the signer implementation's documentation to learn how to use the certificates it issues.")
    secret: Optional[SecretProjection] = Field(None, description="secret information about the secret data to project")
    serviceAccountToken: Optional[ServiceAccountTokenProjection] = Field(None, description="serviceAccountToken is information about the serviceAccountToken data to project")


class ProjectedVolumeSource(K8sModel):
    """Represents a projected volume source

    ``ProjectedVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    defaultMode: Optional[Int32] = Field(None, description="defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    sources: Optional[list[VolumeProjection]] = Field(None, description="sources is the list of volume projections. Each entry in this list handles one source.")


class QuobyteVolumeSource(K8sModel):
    """Represents a Quobyte mount that lasts the lifetime of a pod. Quobyte volumes do not support ownership management or SELinux relabeling.

    ``QuobyteVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("registry", "volume")

    group: Optional[str] = Field(None, description="group to map volume access to Default is no group")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the Quobyte volume to be mounted with read-only permissions. Defaults to false.")
    registry: Optional[str] = Field(None, description="registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes")
    tenant: Optional[str] = Field(None, description="tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin")
    user: Optional[str] = Field(None, description="user to map volume access to Defaults to serivceaccount user")
    volume: Optional[str] = Field(None, description="volume is a string that references an already created Quobyte volume by name.")


class RBDVolumeSource(K8sModel):
    """Represents a Rados Block Device mount that lasts the lifetime of a pod. RBD volumes support ownership management and SELinux relabeling.

    ``RBDVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("monitors", "image")

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd")
    image: Optional[str] = Field(None, description="image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    keyring: Optional[str] = Field(None, description="keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    monitors: Optional[list[str]] = Field(None, description="monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    pool: Optional[str] = Field(None, description="pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef is name of the authentication secret for RBDUser. If provided overrides keyring. Default is nil. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    user: Optional[str] = Field(None, description="user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")


class ScaleIOVolumeSource(K8sModel):
    """ScaleIOVolumeSource represents a persistent ScaleIO volume

    ``ScaleIOVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("gateway", "system", "secretRef")

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Default is \"xfs\".")
    gateway: Optional[str] = Field(None, description="gateway is the host address of the ScaleIO API Gateway.")
    protectionDomain: Optional[str] = Field(None, description="protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.")
    readOnly: Optional[bool] = Field(None, description="readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef references to the secret for ScaleIO user and other sensitive information. If this is not provided, Login operation will fail.")
    sslEnabled: Optional[bool] = Field(None, description="sslEnabled Flag enable/disable SSL communication with Gateway, default false")
    storageMode: Optional[str] = Field(None, description="storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned.")
    storagePool: Optional[str] = Field(None, description="storagePool is the ScaleIO Storage Pool associated with the protection domain.")
    system: Optional[str] = Field(None, description="system is the name of the storage system as configured in ScaleIO.")
    volumeName: Optional[str] = Field(None, description="volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.")


class SecretVolumeSource(K8sModel):
    """Adapts a Secret into a volume.

    The contents of the target Secret's Data field will be presented in a volume as files using the keys in the Data field as the file names. Secret volumes support ownership management and SELinux relabeling.

    ``SecretVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    defaultMode: Optional[Int32] = Field(None, description="defaultMode is Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[KeyToPath]] = Field(None, description="items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    optional: Optional[bool] = Field(None, description="optional field specify whether the Secret or its keys must be defined")
    secretName: Optional[str] = Field(None, description="secretName is the name of the secret in the pod's namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret")


class StorageOSVolumeSource(K8sModel):
    """Represents a StorageOS persistent volume resource.

    ``StorageOSVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description="secretRef specifies the secret to use for obtaining the StorageOS API credentials.  If not specified, default values will be attempted.")
    volumeName: Optional[str] = Field(None, description="volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.")
    volumeNamespace: Optional[str] = Field(None, description="volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod's namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to \"default\" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created.")


class VsphereVirtualDiskVolumeSource(K8sModel):
    """Represents a vSphere volume resource.

    ``VsphereVirtualDiskVolumeSource`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("volumePath",)

    fsType: Optional[str] = Field(None, description="fsType is filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \"ext4\", \"xfs\", \"ntfs\". Implicitly inferred to be \"ext4\" if unspecified.")
    storagePolicyID: Optional[str] = Field(None, description="storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.")
    storagePolicyName: Optional[str] = Field(None, description="storagePolicyName is the storage Policy Based Management (SPBM) profile name.")
    volumePath: Optional[str] = Field(None, description="volumePath is the path that identifies vSphere volume vmdk")


class Volume(K8sModel):
    """Volume represents a named volume in a pod that may be accessed by any container in the pod.

    ``Volume`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    awsElasticBlockStore: Optional[AWSElasticBlockStoreVolumeSource] = Field(None, description="awsElasticBlockStore represents an AWS Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: AWSElasticBlockStore is deprecated. All operations for the in-tree awsElasticBlockStore type are redirected to the ebs.csi.aws.com CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")
    azureDisk: Optional[AzureDiskVolumeSource] = Field(None, description="azureDisk represents an Azure Data Disk mount on the host and bind mount to the pod. Deprecated: AzureDisk is deprecated. All operations for the in-tree azureDisk type are redirected to the disk.csi.azure.com CSI driver.")
    azureFile: Optional[AzureFileVolumeSource] = Field(None, description="azureFile represents an Azure File Service mount on the host and bind mount to the pod. Deprecated: AzureFile is deprecated. All operations for the in-tree azureFile type are redirected to the file.csi.azure.com CSI driver.")
    cephfs: Optional[CephFSVolumeSource] = Field(None, description="cephFS represents a Ceph FS mount on the host that shares a pod's lifetime. Deprecated: CephFS is deprecated and the in-tree cephfs type is no longer supported.")
    cinder: Optional[CinderVolumeSource] = Field(None, description="cinder represents a cinder volume attached and mounted on kubelets host machine. Deprecated: Cinder is deprecated. All operations for the in-tree cinder type are redirected to the cinder.csi.openstack.org CSI driver. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    configMap: Optional[ConfigMapVolumeSource] = Field(None, description="configMap represents a configMap that should populate this volume")
    csi: Optional[CSIVolumeSource] = Field(None, description="csi (Container Storage Interface) represents ephemeral storage that is handled by certain external CSI drivers.")
    downwardAPI: Optional[DownwardAPIVolumeSource] = Field(None, description="downwardAPI represents downward API about the pod that should populate this volume")
    emptyDir: Optional[EmptyDirVolumeSource] = Field(None, description="emptyDir represents a temporary directory that shares a pod's lifetime. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir")
    ephemeral: Optional[EphemeralVolumeSource] = Field(None, description="ephemeral represents a volume that is handled by a cluster storage driver. The volume's lifecycle is tied to the pod that defines it - it will be created before the pod starts, and deleted when the pod is removed.\n\nUse this if: a) the volume is only needed while the pod runs, b) features of normal volumes like restoring from snapshot or capacity\n   tracking are needed,\nc) the storage driver is specified through a storage class, and d) the storage driver supports dynamic volume provisioning through\n   a PersistentVolumeClaim (see EphemeralVolumeSource for more\n   information on the connection between this volume type\n   and PersistentVolumeClaim).\n\nUse PersistentVolumeClaim or one of the vendor-specific APIs for volumes that persist for longer than the lifecycle of an individual pod.\n\nUse CSI for light-weight local ephemeral volumes if the CSI driver is meant to be used that way - see the documentation of the driver for more information.\n\nA pod can use both types of ephemeral volumes and persistent volumes at the same time.")
    fc: Optional[FCVolumeSource] = Field(None, description="fc represents a Fibre Channel resource that is attached to a kubelet's host machine and then exposed to the pod.")
    flexVolume: Optional[FlexVolumeSource] = Field(None, description="flexVolume represents a generic volume resource that is provisioned/attached using an exec based plugin. Deprecated: FlexVolume is deprecated. Consider using a CSIDriver instead.")
    flocker: Optional[FlockerVolumeSource] = Field(None, description="flocker represents a Flocker volume attached to a kubelet's host machine. This depends on the Flocker control service being running. Deprecated: Flocker is deprecated and the in-tree flocker type is no longer supported.")
    gcePersistentDisk: Optional[GCEPersistentDiskVolumeSource] = Field(None, description="gcePersistentDisk represents a GCE Disk resource that is attached to a kubelet's host machine and then exposed to the pod. Deprecated: GCEPersistentDisk is deprecated. All operations for the in-tree gcePersistentDisk type are redirected to the pd.csi.storage.gke.io CSI driver. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    gitRepo: Optional[GitRepoVolumeSource] = Field(None, description="gitRepo represents a git repository at a particular revision. Deprecated: GitRepo is deprecated. To provision a container with a git repo, mount an EmptyDir into an InitContainer that clones the repo using git, then mount the EmptyDir into the Pod's container.")
    glusterfs: Optional[GlusterfsVolumeSource] = Field(None, description="glusterfs represents a Glusterfs mount on the host that shares a pod's lifetime. Deprecated: Glusterfs is deprecated and the in-tree glusterfs type is no longer supported.")
    hostPath: Optional[HostPathVolumeSource] = Field(None, description="hostPath represents a pre-existing file or directory on the host machine that is directly exposed to the container. This is generally used for system agents or other privileged things that are allowed to see the host machine. Most containers will NOT need this. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")
    image: Optional[ImageVolumeSource] = Field(None, description="image represents an OCI object (a container image or artifact) pulled and mounted on the kubelet's host machine. The volume is resolved at pod startup depending on which PullPolicy value is provided:\n\n- Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. - Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. - IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails.\n\nThe volume gets re-resolved if the pod gets deleted and recreated, which means that new remote content will become available on pod recreation. A failure to resolve or pull the image during pod startup will block containers from starting and may add significant latency. Failures will be retried using normal volume backoff and will be reported on the pod reason and message. The types of objects that may be mounted by this volume are defined by the container runtime implementation on a host machine and at minimum must include all valid types supported by the container image field. The OCI object gets mounted in a single directory (spec.containers[*].volumeMounts.mountPath) by merging the manifest layers in the same way as for container images. The volume will be mounted read-only (ro) and non-executable files (noexec). Sub path mounts for containers are not supported (spec.containers[*].volumeMounts.subpath) before 1.33. The field spec.securityContext.fsGroupChangePolicy has no effect on this volume type.")
    iscsi: Optional[ISCSIVolumeSource] = Field(None, description="iscsi represents an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes/#iscsi")
    name: Optional[str] = Field(None, description="name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    nfs: Optional[NFSVolumeSource] = Field(None, description="nfs represents an NFS mount on the host that shares a pod's lifetime More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")
    persistentVolumeClaim: Optional[PersistentVolumeClaimVolumeSource] = Field(None, description="persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")
    photonPersistentDisk: Optional[PhotonPersistentDiskVolumeSource] = Field(None, description="photonPersistentDisk represents a PhotonController persistent disk attached and mounted on kubelets host machine. Deprecated: PhotonPersistentDisk is deprecated and the in-tree photonPersistentDisk type is no longer supported.")
    portworxVolume: Optional[PortworxVolumeSource] = Field(None, description="portworxVolume represents a portworx volume attached and mounted on kubelets host machine. Deprecated: PortworxVolume is deprecated. All operations for the in-tree portworxVolume type are redirected to the pxd.portworx.com CSI driver when the CSIMigrationPortworx feature-gate is on.")
    projected: Optional[ProjectedVolumeSource] = Field(None, description="projected items for all in one resources secrets, configmaps, and downward API")
    quobyte: Optional[QuobyteVolumeSource] = Field(None, description="quobyte represents a Quobyte mount on the host that shares a pod's lifetime. Deprecated: Quobyte is deprecated and the in-tree quobyte type is no longer supported.")
    rbd: Optional[RBDVolumeSource] = Field(None, description="rbd represents a Rados Block Device mount on the host that shares a pod's lifetime. Deprecated: RBD is deprecated and the in-tree rbd type is no longer supported.")
    scaleIO: Optional[ScaleIOVolumeSource] = Field(None, description="scaleIO represents a ScaleIO persistent volume attached and mounted on Kubernetes nodes. Deprecated: ScaleIO is deprecated and the in-tree scaleIO type is no longer supported.")
    secret: Optional[SecretVolumeSource] = Field(None, description="secret represents a secret that should populate this volume. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret")
    storageos: Optional[StorageOSVolumeSource] = Field(None, description="storageOS represents a StorageOS volume attached and mounted on Kubernetes nodes. Deprecated: StorageOS is deprecated and the in-tree storageos type is no longer supported.")
    vsphereVolume: Optional[VsphereVirtualDiskVolumeSource] = Field(None, description="vsphereVolume represents a vSphere volume attached and mounted on kubelets host machine. Deprecated: VsphereVolume is deprecated. All operations for the in-tree vsphereVolume type are redirected to the csi.vsphere.vmware.com CSI driver.")


class ModifyVolumeStatus(K8sModel):
    """ModifyVolumeStatus represents the status object of ControllerModifyVolume operation

    ``ModifyVolumeStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("status",)

    status: Optional[str] = Field(None, description="status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.\n\nPossible enum values:\n - `\"InProgress\"` InProgress indicates that the volume is being modified\n - `\"Infeasible\"` Infeasible indicates that the request has been rejected as invalid by the CSI driver. To resolve the error, a valid VolumeAttributesClass needs to be specified\n - `\"Pending\"` Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as the specified VolumeAttributesClass not existing", json_schema_extra={"enum": ["InProgress", "Infeasible", "Pending"]})
    targetVolumeAttributesClassName: Optional[str] = Field(None, description="targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled")


class PersistentVolumeClaimCondition(K8sModel):
    """PersistentVolumeClaimCondition contains details about state of pvc

    ``PersistentVolumeClaimCondition`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.PersistentVolumeClaimConditionType', 'status': 'v1.ConditionStatus'}
    _required_fields: ClassVar[tuple[str, ...]] = ("type", "status")

    lastProbeTime: Optional[Time] = Field(None, description="lastProbeTime is the time we probed the condition.")
    lastTransitionTime: Optional[Time] = Field(None, description="lastTransitionTime is the time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="message is the human-readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="reason is a unique, this should be a short, machine understandable string that gives the reason for condition's last transition. If it reports \"Resizing\" that means the underlying persistent volume is being resized.")
    status: Optional[str] = Field(None, description="Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required")
    type: Optional[str] = Field(None, description="Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about")


class PersistentVolumeClaimStatus(K8sModel):
    """PersistentVolumeClaimStatus is the current status of a persistent volume claim.

    ``PersistentVolumeClaimStatus`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.PersistentVolumeClaimPhase', 'accessModes': '[]v1.PersistentVolumeAccessMode'}

    accessModes: Optional[list[str]] = Field(None, description="accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1")
    allocatedResourceStatuses: Optional[dict[str, str]] = Field(None, description="allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don't set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeFailed\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizePending\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeFailed\"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")
    allocatedResources: Optional[ResourceList] = Field(None, description="allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")
    capacity: Optional[ResourceList] = Field(None, description="capacity represents the actual resources of the underlying volume.")
    conditions: Optional[list[PersistentVolumeClaimCondition]] = Field(None, description="conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'.")
    currentVolumeAttributesClassName: Optional[str] = Field(None, description="currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim")
    modifyVolumeStatus: Optional[ModifyVolumeStatus] = Field(None, description="ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted.")
    phase: Optional[str] = Field(None, description="phase represents the current phase of PersistentVolumeClaim.\n\nPossible enum values:\n - `\"Bound\"` used for PersistentVolumeClaims that are bound\n - `\"Lost\"` used for PersistentVolumeClaims that lost their underlying PersistentVolume. The claim was bound to a PersistentVolume and this volume does not exist any longer and all data on it was lost.\n - `\"Pending\"` used for PersistentVolumeClaims that are not yet bound", json_schema_extra={"enum": ["Bound", "Lost", "Pending"]})


class PersistentVolumeClaim(KubeObject):
    """PersistentVolumeClaim is a user's request for and claim to a persistent volume

    ``PersistentVolumeClaim`` (core/v1); fields as in ``kubectl explain``.
    """

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "PersistentVolumeClaim"

    apiVersion: str = Field("v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("PersistentVolumeClaim", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    spec: Optional[PersistentVolumeClaimSpec] = Field(None, description="spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")
    status: Optional[PersistentVolumeClaimStatus] = Field(None, description="status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")
