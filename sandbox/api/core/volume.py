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
    """``AWSElasticBlockStoreVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")
    partition: Optional[Int32] = Field(None, description="partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \\\"1\\\". Similarly, the volume partition for /dev/sda is \\\"0\\\" (or you can leave the property empty).")
    readOnly: Optional[bool] = Field(None, description="readOnly value true will force the readOnly setting in VolumeMounts. More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")
    volumeID: Optional[str] = Field(None, description="volumeID is unique ID of the persistent disk resource in AWS (Amazon EBS volume). More info: https://kubernetes.io/docs/concepts/storage/volumes#awselasticblockstore")


class AzureDiskVolumeSource(K8sModel):
    """``AzureDiskVolumeSource`` (core/v1): see ``kubectl explain``."""

    cachingMode: Optional[str] = Field(None, description="cachingMode is the Host Caching mode: None, Read Only, Read Write.")
    diskName: Optional[str] = Field(None, description="diskName is the Name of the data disk in the blob storage")
    diskURI: Optional[str] = Field(None, description="diskURI is the URI of data disk in the blob storage")
    fsType: Optional[str] = Field(None, description="fsType is Filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    kind: Optional[str] = Field(None, description="kind expected values are Shared: multiple blob disks per storage account  Dedicated: single blob disk per storage account  Managed: azure managed data disk (only in managed availability set). defaults to shared")
    readOnly: Optional[bool] = Field(None, description="readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")


class AzureFileVolumeSource(K8sModel):
    """``AzureFileVolumeSource`` (core/v1): see ``kubectl explain``."""

    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretName: Optional[str] = Field(None, description="secretName is the  name of secret that contains Azure Storage Account Name and Key")
    shareName: Optional[str] = Field(None, description="shareName is the azure share Name")


class CSIVolumeSource(K8sModel):
    """``CSIVolumeSource`` (core/v1): see ``kubectl explain``."""

    driver: Optional[str] = Field(None, description="driver is the name of the CSI driver that handles this volume. Consult with your admin for the correct name as registered in the cluster.")
    fsType: Optional[str] = Field(None, description="fsType to mount. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". If not provided, the empty value is passed to the associated CSI driver which will determine the default filesystem to apply.")
    nodePublishSecretRef: Optional[LocalObjectReference] = Field(None, description=":return: The node_publish_secret_ref of this V1CSIVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._node_publish_secret_ref  @node_publish_secret_ref.setter def node_publish_secret_ref(self, node_publish_secret_ref): \"\"\"Sets the node_publish_secret_ref of this V1CSIVolumeSource.   :param node_publish_secret_ref: The node_publish_secret_ref of this V1CSIVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._node_publish_secret_ref = node_publish_secret_ref  @property def read_only(self): \"\"\"Gets the read_only of this V1CSIVolumeSource.    readOnly specifies a read-only configuration for the volume. Defaults to false (read/write).")
    readOnly: Optional[bool] = Field(None, description="readOnly specifies a read-only configuration for the volume. Defaults to false (read/write).")
    volumeAttributes: Optional[dict[str, str]] = Field(None, description="volumeAttributes stores driver-specific properties that are passed to the CSI driver. Consult your driver's documentation for supported values.")


class CephFSVolumeSource(K8sModel):
    """``CephFSVolumeSource`` (core/v1): see ``kubectl explain``."""

    monitors: Optional[list[str]] = Field(None, description="monitors is Required: Monitors is a collection of Ceph monitors More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    path: Optional[str] = Field(None, description="path is Optional: Used as the mounted root, rather than the full Ceph tree, default is /")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    secretFile: Optional[str] = Field(None, description="secretFile is Optional: SecretFile is the path to key ring for User, default is /etc/ceph/user.secret More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1CephFSVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1CephFSVolumeSource.   :param secret_ref: The secret_ref of this V1CephFSVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._secret_ref = secret_ref  @property def user(self): \"\"\"Gets the user of this V1CephFSVolumeSource.    user is optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")
    user: Optional[str] = Field(None, description="user is optional: User is the rados user name, default is admin More info: https://examples.k8s.io/volumes/cephfs/README.md#how-to-use-it")


class CinderVolumeSource(K8sModel):
    """``CinderVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Examples: \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1CinderVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1CinderVolumeSource.   :param secret_ref: The secret_ref of this V1CinderVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._secret_ref = secret_ref  @property def volume_id(self): \"\"\"Gets the volume_id of this V1CinderVolumeSource.    volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")
    volumeID: Optional[str] = Field(None, description="volumeID used to identify the volume in cinder. More info: https://examples.k8s.io/mysql-cinder-pd/README.md")


class ClusterTrustBundleProjection(K8sModel):
    """``ClusterTrustBundleProjection`` (core/v1): see ``kubectl explain``."""

    labelSelector: Optional[LabelSelector] = Field(None, description=":return: The label_selector of this V1ClusterTrustBundleProjection.   :rtype: V1LabelSelector \"\"\" return self._label_selector  @label_selector.setter def label_selector(self, label_selector): \"\"\"Sets the label_selector of this V1ClusterTrustBundleProjection.   :param label_selector: The label_selector of this V1ClusterTrustBundleProjection.   :type: V1LabelSelector \"\"\"  self._label_selector = label_selector  @property def name(self): \"\"\"Gets the name of this V1ClusterTrustBundleProjection.    Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector.")
    name: Optional[str] = Field(None, description="Select a single ClusterTrustBundle by object name.  Mutually-exclusive with signerName and labelSelector.")
    optional: Optional[bool] = Field(None, description="If true, don't block pod startup if the referenced ClusterTrustBundle(s) aren't available.  If using name, then the named ClusterTrustBundle is allowed not to exist.  If using signerName, then the combination of signerName and labelSelector is allowed to match zero ClusterTrustBundles.")
    path: Optional[str] = Field(None, description="Relative path from the volume root to write the bundle.")
    signerName: Optional[str] = Field(None, description="Select all ClusterTrustBundles that match this signer name. Mutually-exclusive with name.  The contents of all selected ClusterTrustBundles will be unified and deduplicated.")


class KeyToPath(K8sModel):
    """``KeyToPath`` (core/v1): see ``kubectl explain``."""

    key: Optional[str] = Field(None, description="key is the key to project.")
    mode: Optional[Int32] = Field(None, description="mode is Optional: mode bits used to set permissions on this file. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    path: Optional[str] = Field(None, description="path is the relative path of the file to map the key to. May not be an absolute path. May not contain the path element '..'. May not start with the string '..'.")


class ConfigMapProjection(K8sModel):
    """``ConfigMapProjection`` (core/v1): see ``kubectl explain``."""

    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional specify whether the ConfigMap or its keys must be defined")


class ConfigMapVolumeSource(K8sModel):
    """``ConfigMapVolumeSource`` (core/v1): see ``kubectl explain``."""

    defaultMode: Optional[Int32] = Field(None, description="defaultMode is optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced ConfigMap will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the ConfigMap, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional specify whether the ConfigMap or its keys must be defined")


class VolumeDevice(K8sModel):
    """``VolumeDevice`` (core/v1): see ``kubectl explain``."""

    devicePath: Optional[str] = Field(None, description="devicePath is the path inside of the container that the device will be mapped to.")
    name: Optional[str] = Field(None, description="name must match the name of a persistentVolumeClaim in the pod")


class VolumeMount(K8sModel):
    """VolumeMount describes a mounting of a Volume within a container.

    ``VolumeMount`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'mountPropagation': 'v1.MountPropagationMode', 'recursiveReadOnly': 'v1.RecursiveReadOnlyMode'}

    mountPath: Optional[str] = Field(None, description="Path within the container at which the volume should be mounted.  Must not contain ':'.")
    mountPropagation: Optional[str] = Field(None, description="mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).")
    name: Optional[str] = Field(None, description="This must match the Name of a Volume.")
    readOnly: Optional[bool] = Field(None, description="Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.")
    recursiveReadOnly: Optional[str] = Field(None, description="RecursiveReadOnly specifies whether read-only mounts should be handled recursively.  If ReadOnly is false, this field has no meaning and must be unspecified.  If ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.  If this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).  If this field is not specified, it is treated as an equivalent of Disabled.")
    subPath: Optional[str] = Field(None, description="Path within the volume from which the container's volume should be mounted. Defaults to \\\"\\\" (volume's root).")
    subPathExpr: Optional[str] = Field(None, description="Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \\\"\\\" (volume's root). SubPathExpr and SubPath are mutually exclusive.")


class VolumeMountStatus(K8sModel):
    """``VolumeMountStatus`` (core/v1): see ``kubectl explain``."""

    mountPath: Optional[str] = Field(None, description="MountPath corresponds to the original VolumeMount.")
    name: Optional[str] = Field(None, description="Name corresponds to the name of the original VolumeMount.")
    readOnly: Optional[bool] = Field(None, description="ReadOnly corresponds to the original VolumeMount.")
    recursiveReadOnly: Optional[str] = Field(None, description="RecursiveReadOnly must be set to Disabled, Enabled, or unspecified (for non-readonly mounts). An IfPossible value in the original VolumeMount must be translated to Disabled or Enabled, depending on the mount result.")


class DownwardAPIVolumeFile(K8sModel):
    """``DownwardAPIVolumeFile`` (core/v1): see ``kubectl explain``."""

    fieldRef: Optional[ObjectFieldSelector] = Field(None, description=":return: The field_ref of this V1DownwardAPIVolumeFile.   :rtype: V1ObjectFieldSelector \"\"\" return self._field_ref  @field_ref.setter def field_ref(self, field_ref): \"\"\"Sets the field_ref of this V1DownwardAPIVolumeFile.   :param field_ref: The field_ref of this V1DownwardAPIVolumeFile.   :type: V1ObjectFieldSelector \"\"\"  self._field_ref = field_ref  @property def mode(self): \"\"\"Gets the mode of this V1DownwardAPIVolumeFile.    Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    mode: Optional[Int32] = Field(None, description="Optional: mode bits used to set permissions on this file, must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. If not specified, the volume defaultMode will be used. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    path: Optional[str] = Field(None, description="Required: Path is  the relative path name of the file to be created. Must not be absolute or contain the '..' path. Must be utf-8 encoded. The first item of the relative path must not start with '..'")
    resourceFieldRef: Optional[ResourceFieldSelector] = Field(None, description="")


class DownwardAPIVolumeSource(K8sModel):
    """``DownwardAPIVolumeSource`` (core/v1): see ``kubectl explain``."""

    defaultMode: Optional[Int32] = Field(None, description="Optional: mode bits to use on created files by default. Must be a Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[DownwardAPIVolumeFile]] = Field(None, description="Items is a list of downward API volume file")


class EmptyDirVolumeSource(K8sModel):
    """``EmptyDirVolumeSource`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'medium': 'v1.StorageMedium'}

    medium: Optional[str] = Field(None, description="medium represents what type of storage medium should back this directory. The default is \\\"\\\" which means to use the node's default medium. Must be an empty string (default) or Memory. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir")
    sizeLimit: Optional[Quantity] = Field(None, description="sizeLimit is the total amount of local storage required for this EmptyDir volume. The size limit is also applicable for memory medium. The maximum usage on memory medium EmptyDir would be the minimum value between the SizeLimit specified here and the sum of memory limits of all containers in a pod. The default is nil which means that the limit is undefined. More info: https://kubernetes.io/docs/concepts/storage/volumes#emptydir")


class PersistentVolumeClaimSpec(K8sModel):
    """``PersistentVolumeClaimSpec`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'accessModes': '[]v1.PersistentVolumeAccessMode', 'volumeMode': 'v1.PersistentVolumeMode'}

    accessModes: Optional[list[str]] = Field(None, description="accessModes contains the desired access modes the volume should have. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1")
    dataSource: Optional[TypedLocalObjectReference] = Field(None, description=":return: The data_source of this V1PersistentVolumeClaimSpec.   :rtype: V1TypedLocalObjectReference \"\"\" return self._data_source  @data_source.setter def data_source(self, data_source): \"\"\"Sets the data_source of this V1PersistentVolumeClaimSpec.   :param data_source: The data_source of this V1PersistentVolumeClaimSpec.   :type: V1TypedLocalObjectReference \"\"\"  self._data_source = data_source  @property def data_source_ref(self): \"\"\"Gets the data_source_ref of this V1PersistentVolumeClaimSpec.")
    dataSourceRef: Optional[TypedObjectReference] = Field(None, description=":return: The data_source_ref of this V1PersistentVolumeClaimSpec.   :rtype: V1TypedObjectReference \"\"\" return self._data_source_ref  @data_source_ref.setter def data_source_ref(self, data_source_ref): \"\"\"Sets the data_source_ref of this V1PersistentVolumeClaimSpec.   :param data_source_ref: The data_source_ref of this V1PersistentVolumeClaimSpec.   :type: V1TypedObjectReference \"\"\"  self._data_source_ref = data_source_ref  @property def resources(self): \"\"\"Gets the resources of this V1PersistentVolumeClaimSpec.")
    resources: Optional[VolumeResourceRequirements] = Field(None, description=":return: The resources of this V1PersistentVolumeClaimSpec.   :rtype: V1VolumeResourceRequirements \"\"\" return self._resources  @resources.setter def resources(self, resources): \"\"\"Sets the resources of this V1PersistentVolumeClaimSpec.   :param resources: The resources of this V1PersistentVolumeClaimSpec.   :type: V1VolumeResourceRequirements \"\"\"  self._resources = resources  @property def selector(self): \"\"\"Gets the selector of this V1PersistentVolumeClaimSpec.")
    selector: Optional[LabelSelector] = Field(None, description=":return: The selector of this V1PersistentVolumeClaimSpec.   :rtype: V1LabelSelector \"\"\" return self._selector  @selector.setter def selector(self, selector): \"\"\"Sets the selector of this V1PersistentVolumeClaimSpec.   :param selector: The selector of this V1PersistentVolumeClaimSpec.   :type: V1LabelSelector \"\"\"  self._selector = selector  @property def storage_class_name(self): \"\"\"Gets the storage_class_name of this V1PersistentVolumeClaimSpec.    storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1")
    storageClassName: Optional[str] = Field(None, description="storageClassName is the name of the StorageClass required by the claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#class-1")
    volumeAttributesClassName: Optional[str] = Field(None, description="volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim. If specified, the CSI driver will create or update the volume with the attributes defined in the corresponding VolumeAttributesClass. This has a different purpose than storageClassName, it can be changed after the claim is created. An empty string or nil value indicates that no VolumeAttributesClass will be applied to the claim. If the claim enters an Infeasible error state, this field can be reset to its previous value (including nil) to cancel the modification. If the resource referred to by volumeAttributesClass does not exist, this PersistentVolumeClaim will be set to a Pending state, as reflected by the modifyVolumeStatus field, until such as a resource exists. More info: https://kubernetes.io/docs/concepts/storage/volume-attributes-classes/")
    volumeMode: Optional[str] = Field(None, description="volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.")
    volumeName: Optional[str] = Field(None, description="volumeName is the binding reference to the PersistentVolume backing this claim.")


class PersistentVolumeClaimTemplate(K8sModel):
    """``PersistentVolumeClaimTemplate`` (core/v1): see ``kubectl explain``."""

    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1PersistentVolumeClaimTemplate.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1PersistentVolumeClaimTemplate.   :param metadata: The metadata of this V1PersistentVolumeClaimTemplate.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1PersistentVolumeClaimTemplate.")
    spec: Optional[PersistentVolumeClaimSpec] = Field(None, description="")


class EphemeralVolumeSource(K8sModel):
    """``EphemeralVolumeSource`` (core/v1): see ``kubectl explain``."""

    volumeClaimTemplate: Optional[PersistentVolumeClaimTemplate] = Field(None, description="")


class FCVolumeSource(K8sModel):
    """``FCVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    lun: Optional[Int32] = Field(None, description="lun is Optional: FC target lun number")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    targetWWNs: Optional[list[str]] = Field(None, description="targetWWNs is Optional: FC target worldwide names (WWNs)")
    wwids: Optional[list[str]] = Field(None, description="wwids Optional: FC volume world wide identifiers (wwids) Either wwids or combination of targetWWNs and lun must be set, but not both simultaneously.")


class FlexVolumeSource(K8sModel):
    """``FlexVolumeSource`` (core/v1): see ``kubectl explain``."""

    driver: Optional[str] = Field(None, description="driver is the name of the driver to use for this volume.")
    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". The default filesystem depends on FlexVolume script.")
    options: Optional[dict[str, str]] = Field(None, description="options is Optional: this field holds extra command options if any.")
    readOnly: Optional[bool] = Field(None, description="readOnly is Optional: defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description="")


class FlockerVolumeSource(K8sModel):
    """``FlockerVolumeSource`` (core/v1): see ``kubectl explain``."""

    datasetName: Optional[str] = Field(None, description="datasetName is Name of the dataset stored as metadata -> name on the dataset for Flocker should be considered as deprecated")
    datasetUUID: Optional[str] = Field(None, description="datasetUUID is the UUID of the dataset. This is unique identifier of a Flocker dataset")


class GCEPersistentDiskVolumeSource(K8sModel):
    """``GCEPersistentDiskVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    partition: Optional[Int32] = Field(None, description="partition is the partition in the volume that you want to mount. If omitted, the default is to mount by volume name. Examples: For volume /dev/sda1, you specify the partition as \\\"1\\\". Similarly, the volume partition for /dev/sda is \\\"0\\\" (or you can leave the property empty). More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    pdName: Optional[str] = Field(None, description="pdName is unique name of the PD resource in GCE. Used to identify the disk in GCE. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#gcepersistentdisk")


class GitRepoVolumeSource(K8sModel):
    """``GitRepoVolumeSource`` (core/v1): see ``kubectl explain``."""

    directory: Optional[str] = Field(None, description="directory is the target directory name. Must not contain or start with '..'.  If '.' is supplied, the volume directory will be the git repository.  Otherwise, if specified, the volume will contain the git repository in the subdirectory with the given name.")
    repository: Optional[str] = Field(None, description="repository is the URL")
    revision: Optional[str] = Field(None, description="revision is the commit hash for the specified revision.")


class GlusterfsVolumeSource(K8sModel):
    """``GlusterfsVolumeSource`` (core/v1): see ``kubectl explain``."""

    endpoints: Optional[str] = Field(None, description="endpoints is the endpoint name that details Glusterfs topology.")
    path: Optional[str] = Field(None, description="path is the Glusterfs volume path. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the Glusterfs volume to be mounted with read-only permissions. Defaults to false. More info: https://examples.k8s.io/volumes/glusterfs/README.md#create-a-pod")


class HostPathVolumeSource(K8sModel):
    """``HostPathVolumeSource`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.HostPathType'}

    path: Optional[str] = Field(None, description="path of the directory on the host. If the path is a symlink, it will follow the link to the real path. More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")
    type: Optional[str] = Field(None, description="type for HostPath Volume Defaults to \\\"\\\" More info: https://kubernetes.io/docs/concepts/storage/volumes#hostpath")


class ImageVolumeSource(K8sModel):
    """``ImageVolumeSource`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'pullPolicy': 'v1.PullPolicy'}

    pullPolicy: Optional[str] = Field(None, description="Policy for pulling OCI objects. Possible values are: Always: the kubelet always attempts to pull the reference. Container creation will fail If the pull fails. Never: the kubelet never pulls the reference and only uses a local image or artifact. Container creation will fail if the reference isn't present. IfNotPresent: the kubelet pulls if the reference isn't already present on disk. Container creation will fail if the reference isn't present and the pull fails. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.")
    reference: Optional[str] = Field(None, description="Required: Image or artifact reference to be used. Behaves in the same way as pod.spec.containers[*].image. Pull secrets will be assembled in the same way as for the container image by looking up node credentials, SA image pull secrets, and pod spec image pull secrets. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.")


class ISCSIVolumeSource(K8sModel):
    """``ISCSIVolumeSource`` (core/v1): see ``kubectl explain``."""

    chapAuthDiscovery: Optional[bool] = Field(None, description="chapAuthDiscovery defines whether support iSCSI Discovery CHAP authentication")
    chapAuthSession: Optional[bool] = Field(None, description="chapAuthSession defines whether support iSCSI Session CHAP authentication")
    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#iscsi")
    initiatorName: Optional[str] = Field(None, description="initiatorName is the custom iSCSI Initiator Name. If initiatorName is specified with iscsiInterface simultaneously, new iSCSI interface <target portal>:<volume name> will be created for the connection.")
    iqn: Optional[str] = Field(None, description="iqn is the target iSCSI Qualified Name.")
    iscsiInterface: Optional[str] = Field(None, description="iscsiInterface is the interface Name that uses an iSCSI transport. Defaults to 'default' (tcp).")
    lun: Optional[Int32] = Field(None, description="lun represents iSCSI Target Lun number.")
    portals: Optional[list[str]] = Field(None, description="portals is the iSCSI Target Portal List. The portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false.")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1ISCSIVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1ISCSIVolumeSource.   :param secret_ref: The secret_ref of this V1ISCSIVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._secret_ref = secret_ref  @property def target_portal(self): \"\"\"Gets the target_portal of this V1ISCSIVolumeSource.    targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")
    targetPortal: Optional[str] = Field(None, description="targetPortal is iSCSI Target Portal. The Portal is either an IP or ip_addr:port if the port is other than default (typically TCP ports 860 and 3260).")


class NFSVolumeSource(K8sModel):
    """``NFSVolumeSource`` (core/v1): see ``kubectl explain``."""

    path: Optional[str] = Field(None, description="path that is exported by the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the NFS export to be mounted with read-only permissions. Defaults to false. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")
    server: Optional[str] = Field(None, description="server is the hostname or IP address of the NFS server. More info: https://kubernetes.io/docs/concepts/storage/volumes#nfs")


class PersistentVolumeClaimVolumeSource(K8sModel):
    """``PersistentVolumeClaimVolumeSource`` (core/v1): see ``kubectl explain``."""

    claimName: Optional[str] = Field(None, description="claimName is the name of a PersistentVolumeClaim in the same namespace as the pod using this volume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims")
    readOnly: Optional[bool] = Field(None, description="readOnly Will force the ReadOnly setting in VolumeMounts. Default false.")


class PhotonPersistentDiskVolumeSource(K8sModel):
    """``PhotonPersistentDiskVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    pdID: Optional[str] = Field(None, description="pdID is the ID that identifies Photon Controller persistent disk")


class PortworxVolumeSource(K8sModel):
    """``PortworxVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fSType represents the filesystem type to mount Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    volumeID: Optional[str] = Field(None, description="volumeID uniquely identifies a Portworx volume")


class DownwardAPIProjection(K8sModel):
    """``DownwardAPIProjection`` (core/v1): see ``kubectl explain``."""

    items: Optional[list[DownwardAPIVolumeFile]] = Field(None, description="Items is a list of DownwardAPIVolume file")


class PodCertificateProjection(K8sModel):
    """``PodCertificateProjection`` (core/v1): see ``kubectl explain``."""

    certificateChainPath: Optional[str] = Field(None, description="Write the certificate chain at this path in the projected volume.  Most applications should use credentialBundlePath.  When using keyPath and certificateChainPath, your application needs to check that the key and leaf certificate are consistent, because it is possible to read the files mid-rotation.")
    credentialBundlePath: Optional[str] = Field(None, description="Write the credential bundle at this path in the projected volume.  The credential bundle is a single file that contains multiple PEM blocks. The first PEM block is a PRIVATE KEY block, containing a PKCS#8 private key.  The remaining blocks are CERTIFICATE blocks, containing the issued certificate chain from the signer (leaf and any intermediates).  Using credentialBundlePath lets your Pod's application code make a single atomic read that retrieves a consistent key and certificate chain.  If you project them to separate files, your application code will need to additionally check that the leaf certificate was issued to the key.")
    keyPath: Optional[str] = Field(None, description="Write the key at this path in the projected volume.  Most applications should use credentialBundlePath.  When using keyPath and certificateChainPath, your application needs to check that the key and leaf certificate are consistent, because it is possible to read the files mid-rotation.")
    keyType: Optional[str] = Field(None, description="The type of keypair Kubelet will generate for the pod.  Valid values are \\\"RSA3072\\\", \\\"RSA4096\\\", \\\"ECDSAP256\\\", \\\"ECDSAP384\\\", \\\"ECDSAP521\\\", and \\\"ED25519\\\".")
    maxExpirationSeconds: Optional[Int32] = Field(None, description="maxExpirationSeconds is the maximum lifetime permitted for the certificate.  Kubelet copies this value verbatim into the PodCertificateRequests it generates for this projection.  If omitted, kube-apiserver will set it to 86400(24 hours). kube-apiserver will reject values shorter than 3600 (1 hour).  The maximum allowable value is 7862400 (91 days).  The signer implementation is then free to issue a certificate with any lifetime *shorter* than MaxExpirationSeconds, but no shorter than 3600 seconds (1 hour).  This constraint is enforced by kube-apiserver. `kubernetes.io` signers will never issue certificates with a lifetime longer than 24 hours.")
    signerName: Optional[str] = Field(None, description="Kubelet's generated CSRs will be addressed to this signer.")


class SecretProjection(K8sModel):
    """``SecretProjection`` (core/v1): see ``kubectl explain``."""

    items: Optional[list[KeyToPath]] = Field(None, description="items if unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="optional field specify whether the Secret or its key must be defined")


class ServiceAccountTokenProjection(K8sModel):
    """``ServiceAccountTokenProjection`` (core/v1): see ``kubectl explain``."""

    audience: Optional[str] = Field(None, description="audience is the intended audience of the token. A recipient of a token must identify itself with an identifier specified in the audience of the token, and otherwise should reject the token. The audience defaults to the identifier of the apiserver.")
    expirationSeconds: Optional[Int64] = Field(None, description="expirationSeconds is the requested duration of validity of the service account token. As the token approaches expiration, the kubelet volume plugin will proactively rotate the service account token. The kubelet will start trying to rotate the token if the token is older than 80 percent of its time to live or if the token is older than 24 hours.Defaults to 1 hour and must be at least 10 minutes.")
    path: Optional[str] = Field(None, description="path is the path relative to the mount point of the file to project the token into.")


class VolumeProjection(K8sModel):
    """``VolumeProjection`` (core/v1): see ``kubectl explain``."""

    clusterTrustBundle: Optional[ClusterTrustBundleProjection] = Field(None, description=":return: The cluster_trust_bundle of this V1VolumeProjection.   :rtype: V1ClusterTrustBundleProjection \"\"\" return self._cluster_trust_bundle  @cluster_trust_bundle.setter def cluster_trust_bundle(self, cluster_trust_bundle): \"\"\"Sets the cluster_trust_bundle of this V1VolumeProjection.   :param cluster_trust_bundle: The cluster_trust_bundle of this V1VolumeProjection.   :type: V1ClusterTrustBundleProjection \"\"\"  self._cluster_trust_bundle = cluster_trust_bundle  @property def config_map(self): \"\"\"Gets the config_map of this V1VolumeProjection.")
    configMap: Optional[ConfigMapProjection] = Field(None, description=":return: The config_map of this V1VolumeProjection.   :rtype: V1ConfigMapProjection \"\"\" return self._config_map  @config_map.setter def config_map(self, config_map): \"\"\"Sets the config_map of this V1VolumeProjection.   :param config_map: The config_map of this V1VolumeProjection.   :type: V1ConfigMapProjection \"\"\"  self._config_map = config_map  @property def downward_api(self): \"\"\"Gets the downward_api of this V1VolumeProjection.")
    downwardAPI: Optional[DownwardAPIProjection] = Field(None, description=":return: The downward_api of this V1VolumeProjection.   :rtype: V1DownwardAPIProjection \"\"\" return self._downward_api  @downward_api.setter def downward_api(self, downward_api): \"\"\"Sets the downward_api of this V1VolumeProjection.   :param downward_api: The downward_api of this V1VolumeProjection.   :type: V1DownwardAPIProjection \"\"\"  self._downward_api = downward_api  @property def pod_certificate(self): \"\"\"Gets the pod_certificate of this V1VolumeProjection.")
    podCertificate: Optional[PodCertificateProjection] = Field(None, description=":return: The pod_certificate of this V1VolumeProjection.   :rtype: V1PodCertificateProjection \"\"\" return self._pod_certificate  @pod_certificate.setter def pod_certificate(self, pod_certificate): \"\"\"Sets the pod_certificate of this V1VolumeProjection.   :param pod_certificate: The pod_certificate of this V1VolumeProjection.   :type: V1PodCertificateProjection \"\"\"  self._pod_certificate = pod_certificate  @property def secret(self): \"\"\"Gets the secret of this V1VolumeProjection.")
    secret: Optional[SecretProjection] = Field(None, description=":return: The secret of this V1VolumeProjection.   :rtype: V1SecretProjection \"\"\" return self._secret  @secret.setter def secret(self, secret): \"\"\"Sets the secret of this V1VolumeProjection.   :param secret: The secret of this V1VolumeProjection.   :type: V1SecretProjection \"\"\"  self._secret = secret  @property def service_account_token(self): \"\"\"Gets the service_account_token of this V1VolumeProjection.")
    serviceAccountToken: Optional[ServiceAccountTokenProjection] = Field(None, description="")


class ProjectedVolumeSource(K8sModel):
    """``ProjectedVolumeSource`` (core/v1): see ``kubectl explain``."""

    defaultMode: Optional[Int32] = Field(None, description="defaultMode are the mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    sources: Optional[list[VolumeProjection]] = Field(None, description="sources is the list of volume projections. Each entry in this list handles one source.")


class QuobyteVolumeSource(K8sModel):
    """``QuobyteVolumeSource`` (core/v1): see ``kubectl explain``."""

    group: Optional[str] = Field(None, description="group to map volume access to Default is no group")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the Quobyte volume to be mounted with read-only permissions. Defaults to false.")
    registry: Optional[str] = Field(None, description="registry represents a single or multiple Quobyte Registry services specified as a string as host:port pair (multiple entries are separated with commas) which acts as the central registry for volumes")
    tenant: Optional[str] = Field(None, description="tenant owning the given Quobyte volume in the Backend Used with dynamically provisioned Quobyte volumes, value is set by the plugin")
    user: Optional[str] = Field(None, description="user to map volume access to Defaults to serivceaccount user")
    volume: Optional[str] = Field(None, description="volume is a string that references an already created Quobyte volume by name.")


class RBDVolumeSource(K8sModel):
    """``RBDVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type of the volume that you want to mount. Tip: Ensure that the filesystem type is supported by the host operating system. Examples: \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified. More info: https://kubernetes.io/docs/concepts/storage/volumes#rbd")
    image: Optional[str] = Field(None, description="image is the rados image name. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    keyring: Optional[str] = Field(None, description="keyring is the path to key ring for RBDUser. Default is /etc/ceph/keyring. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    monitors: Optional[list[str]] = Field(None, description="monitors is a collection of Ceph monitors. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    pool: Optional[str] = Field(None, description="pool is the rados pool name. Default is rbd. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    readOnly: Optional[bool] = Field(None, description="readOnly here will force the ReadOnly setting in VolumeMounts. Defaults to false. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1RBDVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1RBDVolumeSource.   :param secret_ref: The secret_ref of this V1RBDVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._secret_ref = secret_ref  @property def user(self): \"\"\"Gets the user of this V1RBDVolumeSource.    user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")
    user: Optional[str] = Field(None, description="user is the rados user name. Default is admin. More info: https://examples.k8s.io/volumes/rbd/README.md#how-to-use-it")


class ScaleIOVolumeSource(K8sModel):
    """``ScaleIOVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Default is \\\"xfs\\\".")
    gateway: Optional[str] = Field(None, description="gateway is the host address of the ScaleIO API Gateway.")
    protectionDomain: Optional[str] = Field(None, description="protectionDomain is the name of the ScaleIO Protection Domain for the configured storage.")
    readOnly: Optional[bool] = Field(None, description="readOnly Defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1ScaleIOVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1ScaleIOVolumeSource.   :param secret_ref: The secret_ref of this V1ScaleIOVolumeSource.   :type: V1LocalObjectReference \"\"\" if self.local_vars_configuration.client_side_validation and secret_ref is None:   raise ValueError(\"Invalid value for `secret_ref`, must not be `None`\")    self._secret_ref = secret_ref  @property def ssl_enabled(self): \"\"\"Gets the ssl_enabled of this V1ScaleIOVolumeSource.    sslEnabled Flag enable/disable SSL communication with Gateway, default false")
    sslEnabled: Optional[bool] = Field(None, description="sslEnabled Flag enable/disable SSL communication with Gateway, default false")
    storageMode: Optional[str] = Field(None, description="storageMode indicates whether the storage for a volume should be ThickProvisioned or ThinProvisioned. Default is ThinProvisioned.")
    storagePool: Optional[str] = Field(None, description="storagePool is the ScaleIO Storage Pool associated with the protection domain.")
    system: Optional[str] = Field(None, description="system is the name of the storage system as configured in ScaleIO.")
    volumeName: Optional[str] = Field(None, description="volumeName is the name of a volume already created in the ScaleIO system that is associated with this volume source.")


class SecretVolumeSource(K8sModel):
    """``SecretVolumeSource`` (core/v1): see ``kubectl explain``."""

    defaultMode: Optional[Int32] = Field(None, description="defaultMode is Optional: mode bits used to set permissions on created files by default. Must be an octal value between 0000 and 0777 or a decimal value between 0 and 511. YAML accepts both octal and decimal values, JSON requires decimal values for mode bits. Defaults to 0644. Directories within the path are not affected by this setting. This might be in conflict with other options that affect the file mode, like fsGroup, and the result can be other mode bits set.")
    items: Optional[list[KeyToPath]] = Field(None, description="items If unspecified, each key-value pair in the Data field of the referenced Secret will be projected into the volume as a file whose name is the key and content is the value. If specified, the listed keys will be projected into the specified paths, and unlisted keys will not be present. If a key is specified which is not present in the Secret, the volume setup will error unless it is marked optional. Paths must be relative and may not contain the '..' path or start with '..'.")
    optional: Optional[bool] = Field(None, description="optional field specify whether the Secret or its keys must be defined")
    secretName: Optional[str] = Field(None, description="secretName is the name of the secret in the pod's namespace to use. More info: https://kubernetes.io/docs/concepts/storage/volumes#secret")


class StorageOSVolumeSource(K8sModel):
    """``StorageOSVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is the filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    readOnly: Optional[bool] = Field(None, description="readOnly defaults to false (read/write). ReadOnly here will force the ReadOnly setting in VolumeMounts.")
    secretRef: Optional[LocalObjectReference] = Field(None, description=":return: The secret_ref of this V1StorageOSVolumeSource.   :rtype: V1LocalObjectReference \"\"\" return self._secret_ref  @secret_ref.setter def secret_ref(self, secret_ref): \"\"\"Sets the secret_ref of this V1StorageOSVolumeSource.   :param secret_ref: The secret_ref of this V1StorageOSVolumeSource.   :type: V1LocalObjectReference \"\"\"  self._secret_ref = secret_ref  @property def volume_name(self): \"\"\"Gets the volume_name of this V1StorageOSVolumeSource.    volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.")
    volumeName: Optional[str] = Field(None, description="volumeName is the human-readable name of the StorageOS volume.  Volume names are only unique within a namespace.")
    volumeNamespace: Optional[str] = Field(None, description="volumeNamespace specifies the scope of the volume within StorageOS.  If no namespace is specified then the Pod's namespace will be used.  This allows the Kubernetes name scoping to be mirrored within StorageOS for tighter integration. Set VolumeName to any name to override the default behaviour. Set to \\\"default\\\" if you are not using namespaces within StorageOS. Namespaces that do not pre-exist within StorageOS will be created.")


class VsphereVirtualDiskVolumeSource(K8sModel):
    """``VsphereVirtualDiskVolumeSource`` (core/v1): see ``kubectl explain``."""

    fsType: Optional[str] = Field(None, description="fsType is filesystem type to mount. Must be a filesystem type supported by the host operating system. Ex. \\\"ext4\\\", \\\"xfs\\\", \\\"ntfs\\\". Implicitly inferred to be \\\"ext4\\\" if unspecified.")
    storagePolicyID: Optional[str] = Field(None, description="storagePolicyID is the storage Policy Based Management (SPBM) profile ID associated with the StoragePolicyName.")
    storagePolicyName: Optional[str] = Field(None, description="storagePolicyName is the storage Policy Based Management (SPBM) profile name.")
    volumePath: Optional[str] = Field(None, description="volumePath is the path that identifies vSphere volume vmdk")


class Volume(K8sModel):
    """Volume represents a named volume in a pod that may be accessed by any container in the pod. Exactly one volume source is set; none means emptyDir.

    ``Volume`` (core/v1); fields as in ``kubectl explain``.
    """

    awsElasticBlockStore: Optional[AWSElasticBlockStoreVolumeSource] = Field(None, description=":return: The aws_elastic_block_store of this V1Volume.   :rtype: V1AWSElasticBlockStoreVolumeSource \"\"\" return self._aws_elastic_block_store  @aws_elastic_block_store.setter def aws_elastic_block_store(self, aws_elastic_block_store): \"\"\"Sets the aws_elastic_block_store of this V1Volume.   :param aws_elastic_block_store: The aws_elastic_block_store of this V1Volume.   :type: V1AWSElasticBlockStoreVolumeSource \"\"\"  self._aws_elastic_block_store = aws_elastic_block_store  @property def azure_disk(self): \"\"\"Gets the azure_disk of this V1Volume.")
    azureDisk: Optional[AzureDiskVolumeSource] = Field(None, description=":return: The azure_disk of this V1Volume.   :rtype: V1AzureDiskVolumeSource \"\"\" return self._azure_disk  @azure_disk.setter def azure_disk(self, azure_disk): \"\"\"Sets the azure_disk of this V1Volume.   :param azure_disk: The azure_disk of this V1Volume.   :type: V1AzureDiskVolumeSource \"\"\"  self._azure_disk = azure_disk  @property def azure_file(self): \"\"\"Gets the azure_file of this V1Volume.")
    azureFile: Optional[AzureFileVolumeSource] = Field(None, description=":return: The azure_file of this V1Volume.   :rtype: V1AzureFileVolumeSource \"\"\" return self._azure_file  @azure_file.setter def azure_file(self, azure_file): \"\"\"Sets the azure_file of this V1Volume.   :param azure_file: The azure_file of this V1Volume.   :type: V1AzureFileVolumeSource \"\"\"  self._azure_file = azure_file  @property def cephfs(self): \"\"\"Gets the cephfs of this V1Volume.")
    cephfs: Optional[CephFSVolumeSource] = Field(None, description=":return: The cephfs of this V1Volume.   :rtype: V1CephFSVolumeSource \"\"\" return self._cephfs  @cephfs.setter def cephfs(self, cephfs): \"\"\"Sets the cephfs of this V1Volume.   :param cephfs: The cephfs of this V1Volume.   :type: V1CephFSVolumeSource \"\"\"  self._cephfs = cephfs  @property def cinder(self): \"\"\"Gets the cinder of this V1Volume.")
    cinder: Optional[CinderVolumeSource] = Field(None, description=":return: The cinder of this V1Volume.   :rtype: V1CinderVolumeSource \"\"\" return self._cinder  @cinder.setter def cinder(self, cinder): \"\"\"Sets the cinder of this V1Volume.   :param cinder: The cinder of this V1Volume.   :type: V1CinderVolumeSource \"\"\"  self._cinder = cinder  @property def config_map(self): \"\"\"Gets the config_map of this V1Volume.")
    configMap: Optional[ConfigMapVolumeSource] = Field(None, description=":return: The config_map of this V1Volume.   :rtype: V1ConfigMapVolumeSource \"\"\" return self._config_map  @config_map.setter def config_map(self, config_map): \"\"\"Sets the config_map of this V1Volume.   :param config_map: The config_map of this V1Volume.   :type: V1ConfigMapVolumeSource \"\"\"  self._config_map = config_map  @property def csi(self): \"\"\"Gets the csi of this V1Volume.")
    csi: Optional[CSIVolumeSource] = Field(None, description=":return: The csi of this V1Volume.   :rtype: V1CSIVolumeSource \"\"\" return self._csi  @csi.setter def csi(self, csi): \"\"\"Sets the csi of this V1Volume.   :param csi: The csi of this V1Volume.   :type: V1CSIVolumeSource \"\"\"  self._csi = csi  @property def downward_api(self): \"\"\"Gets the downward_api of this V1Volume.")
    downwardAPI: Optional[DownwardAPIVolumeSource] = Field(None, description=":return: The downward_api of this V1Volume.   :rtype: V1DownwardAPIVolumeSource \"\"\" return self._downward_api  @downward_api.setter def downward_api(self, downward_api): \"\"\"Sets the downward_api of this V1Volume.   :param downward_api: The downward_api of this V1Volume.   :type: V1DownwardAPIVolumeSource \"\"\"  self._downward_api = downward_api  @property def empty_dir(self): \"\"\"Gets the empty_dir of this V1Volume.")
    emptyDir: Optional[EmptyDirVolumeSource] = Field(None, description=":return: The empty_dir of this V1Volume.   :rtype: V1EmptyDirVolumeSource \"\"\" return self._empty_dir  @empty_dir.setter def empty_dir(self, empty_dir): \"\"\"Sets the empty_dir of this V1Volume.   :param empty_dir: The empty_dir of this V1Volume.   :type: V1EmptyDirVolumeSource \"\"\"  self._empty_dir = empty_dir  @property def ephemeral(self): \"\"\"Gets the ephemeral of this V1Volume.")
    ephemeral: Optional[EphemeralVolumeSource] = Field(None, description=":return: The ephemeral of this V1Volume.   :rtype: V1EphemeralVolumeSource \"\"\" return self._ephemeral  @ephemeral.setter def ephemeral(self, ephemeral): \"\"\"Sets the ephemeral of this V1Volume.   :param ephemeral: The ephemeral of this V1Volume.   :type: V1EphemeralVolumeSource \"\"\"  self._ephemeral = ephemeral  @property def fc(self): \"\"\"Gets the fc of this V1Volume.")
    fc: Optional[FCVolumeSource] = Field(None, description=":return: The fc of this V1Volume.   :rtype: V1FCVolumeSource \"\"\" return self._fc  @fc.setter def fc(self, fc): \"\"\"Sets the fc of this V1Volume.   :param fc: The fc of this V1Volume.   :type: V1FCVolumeSource \"\"\"  self._fc = fc  @property def flex_volume(self): \"\"\"Gets the flex_volume of this V1Volume.")
    flexVolume: Optional[FlexVolumeSource] = Field(None, description=":return: The flex_volume of this V1Volume.   :rtype: V1FlexVolumeSource \"\"\" return self._flex_volume  @flex_volume.setter def flex_volume(self, flex_volume): \"\"\"Sets the flex_volume of this V1Volume.   :param flex_volume: The flex_volume of this V1Volume.   :type: V1FlexVolumeSource \"\"\"  self._flex_volume = flex_volume  @property def flocker(self): \"\"\"Gets the flocker of this V1Volume.")
    flocker: Optional[FlockerVolumeSource] = Field(None, description=":return: The flocker of this V1Volume.   :rtype: V1FlockerVolumeSource \"\"\" return self._flocker  @flocker.setter def flocker(self, flocker): \"\"\"Sets the flocker of this V1Volume.   :param flocker: The flocker of this V1Volume.   :type: V1FlockerVolumeSource \"\"\"  self._flocker = flocker  @property def gce_persistent_disk(self): \"\"\"Gets the gce_persistent_disk of this V1Volume.")
    gcePersistentDisk: Optional[GCEPersistentDiskVolumeSource] = Field(None, description=":return: The gce_persistent_disk of this V1Volume.   :rtype: V1GCEPersistentDiskVolumeSource \"\"\" return self._gce_persistent_disk  @gce_persistent_disk.setter def gce_persistent_disk(self, gce_persistent_disk): \"\"\"Sets the gce_persistent_disk of this V1Volume.   :param gce_persistent_disk: The gce_persistent_disk of this V1Volume.   :type: V1GCEPersistentDiskVolumeSource \"\"\"  self._gce_persistent_disk = gce_persistent_disk  @property def git_repo(self): \"\"\"Gets the git_repo of this V1Volume.")
    gitRepo: Optional[GitRepoVolumeSource] = Field(None, description=":return: The git_repo of this V1Volume.   :rtype: V1GitRepoVolumeSource \"\"\" return self._git_repo  @git_repo.setter def git_repo(self, git_repo): \"\"\"Sets the git_repo of this V1Volume.   :param git_repo: The git_repo of this V1Volume.   :type: V1GitRepoVolumeSource \"\"\"  self._git_repo = git_repo  @property def glusterfs(self): \"\"\"Gets the glusterfs of this V1Volume.")
    glusterfs: Optional[GlusterfsVolumeSource] = Field(None, description=":return: The glusterfs of this V1Volume.   :rtype: V1GlusterfsVolumeSource \"\"\" return self._glusterfs  @glusterfs.setter def glusterfs(self, glusterfs): \"\"\"Sets the glusterfs of this V1Volume.   :param glusterfs: The glusterfs of this V1Volume.   :type: V1GlusterfsVolumeSource \"\"\"  self._glusterfs = glusterfs  @property def host_path(self): \"\"\"Gets the host_path of this V1Volume.")
    hostPath: Optional[HostPathVolumeSource] = Field(None, description=":return: The host_path of this V1Volume.   :rtype: V1HostPathVolumeSource \"\"\" return self._host_path  @host_path.setter def host_path(self, host_path): \"\"\"Sets the host_path of this V1Volume.   :param host_path: The host_path of this V1Volume.   :type: V1HostPathVolumeSource \"\"\"  self._host_path = host_path  @property def image(self): \"\"\"Gets the image of this V1Volume.")
    image: Optional[ImageVolumeSource] = Field(None, description=":return: The image of this V1Volume.   :rtype: V1ImageVolumeSource \"\"\" return self._image  @image.setter def image(self, image): \"\"\"Sets the image of this V1Volume.   :param image: The image of this V1Volume.   :type: V1ImageVolumeSource \"\"\"  self._image = image  @property def iscsi(self): \"\"\"Gets the iscsi of this V1Volume.")
    iscsi: Optional[ISCSIVolumeSource] = Field(None, description=":return: The iscsi of this V1Volume.   :rtype: V1ISCSIVolumeSource \"\"\" return self._iscsi  @iscsi.setter def iscsi(self, iscsi): \"\"\"Sets the iscsi of this V1Volume.   :param iscsi: The iscsi of this V1Volume.   :type: V1ISCSIVolumeSource \"\"\"  self._iscsi = iscsi  @property def name(self): \"\"\"Gets the name of this V1Volume.    name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    name: Optional[str] = Field(None, description="name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    nfs: Optional[NFSVolumeSource] = Field(None, description=":return: The nfs of this V1Volume.   :rtype: V1NFSVolumeSource \"\"\" return self._nfs  @nfs.setter def nfs(self, nfs): \"\"\"Sets the nfs of this V1Volume.   :param nfs: The nfs of this V1Volume.   :type: V1NFSVolumeSource \"\"\"  self._nfs = nfs  @property def persistent_volume_claim(self): \"\"\"Gets the persistent_volume_claim of this V1Volume.")
    persistentVolumeClaim: Optional[PersistentVolumeClaimVolumeSource] = Field(None, description=":return: The persistent_volume_claim of this V1Volume.   :rtype: V1PersistentVolumeClaimVolumeSource \"\"\" return self._persistent_volume_claim  @persistent_volume_claim.setter def persistent_volume_claim(self, persistent_volume_claim): \"\"\"Sets the persistent_volume_claim of this V1Volume.   :param persistent_volume_claim: The persistent_volume_claim of this V1Volume.   :type: V1PersistentVolumeClaimVolumeSource \"\"\"  self._persistent_volume_claim = persistent_volume_claim  @property def photon_persistent_disk(self): \"\"\"Gets the photon_persistent_disk of this V1Volume.")
    photonPersistentDisk: Optional[PhotonPersistentDiskVolumeSource] = Field(None, description=":return: The photon_persistent_disk of this V1Volume.   :rtype: V1PhotonPersistentDiskVolumeSource \"\"\" return self._photon_persistent_disk  @photon_persistent_disk.setter def photon_persistent_disk(self, photon_persistent_disk): \"\"\"Sets the photon_persistent_disk of this V1Volume.   :param photon_persistent_disk: The photon_persistent_disk of this V1Volume.   :type: V1PhotonPersistentDiskVolumeSource \"\"\"  self._photon_persistent_disk = photon_persistent_disk  @property def portworx_volume(self): \"\"\"Gets the portworx_volume of this V1Volume.")
    portworxVolume: Optional[PortworxVolumeSource] = Field(None, description=":return: The portworx_volume of this V1Volume.   :rtype: V1PortworxVolumeSource \"\"\" return self._portworx_volume  @portworx_volume.setter def portworx_volume(self, portworx_volume): \"\"\"Sets the portworx_volume of this V1Volume.   :param portworx_volume: The portworx_volume of this V1Volume.   :type: V1PortworxVolumeSource \"\"\"  self._portworx_volume = portworx_volume  @property def projected(self): \"\"\"Gets the projected of this V1Volume.")
    projected: Optional[ProjectedVolumeSource] = Field(None, description=":return: The projected of this V1Volume.   :rtype: V1ProjectedVolumeSource \"\"\" return self._projected  @projected.setter def projected(self, projected): \"\"\"Sets the projected of this V1Volume.   :param projected: The projected of this V1Volume.   :type: V1ProjectedVolumeSource \"\"\"  self._projected = projected  @property def quobyte(self): \"\"\"Gets the quobyte of this V1Volume.")
    quobyte: Optional[QuobyteVolumeSource] = Field(None, description=":return: The quobyte of this V1Volume.   :rtype: V1QuobyteVolumeSource \"\"\" return self._quobyte  @quobyte.setter def quobyte(self, quobyte): \"\"\"Sets the quobyte of this V1Volume.   :param quobyte: The quobyte of this V1Volume.   :type: V1QuobyteVolumeSource \"\"\"  self._quobyte = quobyte  @property def rbd(self): \"\"\"Gets the rbd of this V1Volume.")
    rbd: Optional[RBDVolumeSource] = Field(None, description=":return: The rbd of this V1Volume.   :rtype: V1RBDVolumeSource \"\"\" return self._rbd  @rbd.setter def rbd(self, rbd): \"\"\"Sets the rbd of this V1Volume.   :param rbd: The rbd of this V1Volume.   :type: V1RBDVolumeSource \"\"\"  self._rbd = rbd  @property def scale_io(self): \"\"\"Gets the scale_io of this V1Volume.")
    scaleIO: Optional[ScaleIOVolumeSource] = Field(None, description=":return: The scale_io of this V1Volume.   :rtype: V1ScaleIOVolumeSource \"\"\" return self._scale_io  @scale_io.setter def scale_io(self, scale_io): \"\"\"Sets the scale_io of this V1Volume.   :param scale_io: The scale_io of this V1Volume.   :type: V1ScaleIOVolumeSource \"\"\"  self._scale_io = scale_io  @property def secret(self): \"\"\"Gets the secret of this V1Volume.")
    secret: Optional[SecretVolumeSource] = Field(None, description=":return: The secret of this V1Volume.   :rtype: V1SecretVolumeSource \"\"\" return self._secret  @secret.setter def secret(self, secret): \"\"\"Sets the secret of this V1Volume.   :param secret: The secret of this V1Volume.   :type: V1SecretVolumeSource \"\"\"  self._secret = secret  @property def storageos(self): \"\"\"Gets the storageos of this V1Volume.")
    storageos: Optional[StorageOSVolumeSource] = Field(None, description=":return: The storageos of this V1Volume.   :rtype: V1StorageOSVolumeSource \"\"\" return self._storageos  @storageos.setter def storageos(self, storageos): \"\"\"Sets the storageos of this V1Volume.   :param storageos: The storageos of this V1Volume.   :type: V1StorageOSVolumeSource \"\"\"  self._storageos = storageos  @property def vsphere_volume(self): \"\"\"Gets the vsphere_volume of this V1Volume.")
    vsphereVolume: Optional[VsphereVirtualDiskVolumeSource] = Field(None, description="")


class ModifyVolumeStatus(K8sModel):
    """``ModifyVolumeStatus`` (core/v1): see ``kubectl explain``."""

    status: Optional[str] = Field(None, description="status is the status of the ControllerModifyVolume operation. It can be in any of following states:  - Pending    Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as    the specified VolumeAttributesClass not existing.  - InProgress    InProgress indicates that the volume is being modified.  - Infeasible   Infeasible indicates that the request has been rejected as invalid by the CSI driver. To    resolve the error, a valid VolumeAttributesClass needs to be specified. Note: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.")
    targetVolumeAttributesClassName: Optional[str] = Field(None, description="targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled")


class PersistentVolumeClaimCondition(K8sModel):
    """``PersistentVolumeClaimCondition`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'type': 'v1.PersistentVolumeClaimConditionType', 'status': 'v1.ConditionStatus'}

    lastProbeTime: Optional[Time] = Field(None, description="lastProbeTime is the time we probed the condition.")
    lastTransitionTime: Optional[Time] = Field(None, description="lastTransitionTime is the time the condition transitioned from one status to another.")
    message: Optional[str] = Field(None, description="message is the human-readable message indicating details about last transition.")
    reason: Optional[str] = Field(None, description="reason is a unique, this should be a short, machine understandable string that gives the reason for condition's last transition. If it reports \\\"Resizing\\\" that means the underlying persistent volume is being resized.")
    status: Optional[str] = Field(None, description="Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required")
    type: Optional[str] = Field(None, description="Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about")


class PersistentVolumeClaimStatus(K8sModel):
    """``PersistentVolumeClaimStatus`` (core/v1): see ``kubectl explain``."""

    _go_field_types: ClassVar[dict[str, str]] = {'phase': 'v1.PersistentVolumeClaimPhase', 'accessModes': '[]v1.PersistentVolumeAccessMode'}

    accessModes: Optional[list[str]] = Field(None, description="accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1")
    allocatedResourceStatuses: Optional[dict[str, str]] = Field(None, description="allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:  * Un-prefixed keys:   - storage - the capacity of the volume.  * Custom resources must use implementation-defined prefixed names such as \\\"example.com/my-custom-resource\\\" Apart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.  ClaimResourceStatus can be in any of following states:  - ControllerResizeInProgress:   State set when resize controller starts resizing the volume in control-plane.  - ControllerResizeFailed:   State set when resize has failed in resize controller with a terminal error.  - NodeResizePending:   State set when resize controller has finished resizing the volume but further resizing of   volume is needed on the node.  - NodeResizeInProgress:   State set when kubelet starts resizing the volume.  - NodeResizeFailed:   State set when resizing has failed in kubelet with a terminal error. Transient errors don't set   NodeResizeFailed. For example: if expanding a PVC for more capacity - this field can be one of the following states:  - pvc.status.allocatedResourceStatus['storage'] = \\\"ControllerResizeInProgress\\\"      - pvc.status.allocatedResourceStatus['storage'] = \\\"ControllerResizeFailed\\\"      - pvc.status.allocatedResourceStatus['storage'] = \\\"NodeResizePending\\\"      - pvc.status.allocatedResourceStatus['storage'] = \\\"NodeResizeInProgress\\\"      - pvc.status.allocatedResourceStatus['storage'] = \\\"NodeResizeFailed\\\" When this field is not set, it means that no resize operation is in progress for the given PVC.  A controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.  This is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")
    allocatedResources: Optional[ResourceList] = Field(None, description="allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:  * Un-prefixed keys:   - storage - the capacity of the volume.  * Custom resources must use implementation-defined prefixed names such as \\\"example.com/my-custom-resource\\\" Apart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.  Capacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.  A controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.  This is an alpha field and requires enabling RecoverVolumeExpansionFailure feature.")
    capacity: Optional[ResourceList] = Field(None, description="capacity represents the actual resources of the underlying volume.")
    conditions: Optional[list[PersistentVolumeClaimCondition]] = Field(None, description="conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'.")
    currentVolumeAttributesClassName: Optional[str] = Field(None, description="currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim")
    modifyVolumeStatus: Optional[ModifyVolumeStatus] = Field(None, description=":return: The modify_volume_status of this V1PersistentVolumeClaimStatus.   :rtype: V1ModifyVolumeStatus \"\"\" return self._modify_volume_status  @modify_volume_status.setter def modify_volume_status(self, modify_volume_status): \"\"\"Sets the modify_volume_status of this V1PersistentVolumeClaimStatus.   :param modify_volume_status: The modify_volume_status of this V1PersistentVolumeClaimStatus.   :type: V1ModifyVolumeStatus \"\"\"  self._modify_volume_status = modify_volume_status  @property def phase(self): \"\"\"Gets the phase of this V1PersistentVolumeClaimStatus.    phase represents the current phase of PersistentVolumeClaim.")
    phase: Optional[str] = Field(None, description="phase represents the current phase of PersistentVolumeClaim.")


class PersistentVolumeClaim(KubeObject):
    """``PersistentVolumeClaim`` (core/v1): see ``kubectl explain``."""

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "PersistentVolumeClaim"

    apiVersion: str = "v1"
    kind: str = "PersistentVolumeClaim"
    metadata: Optional[ObjectMeta] = Field(None, description=":return: The metadata of this V1PersistentVolumeClaim.   :rtype: V1ObjectMeta \"\"\" return self._metadata  @metadata.setter def metadata(self, metadata): \"\"\"Sets the metadata of this V1PersistentVolumeClaim.   :param metadata: The metadata of this V1PersistentVolumeClaim.   :type: V1ObjectMeta \"\"\"  self._metadata = metadata  @property def spec(self): \"\"\"Gets the spec of this V1PersistentVolumeClaim.")
    spec: Optional[PersistentVolumeClaimSpec] = Field(None, description=":return: The spec of this V1PersistentVolumeClaim.   :rtype: V1PersistentVolumeClaimSpec \"\"\" return self._spec  @spec.setter def spec(self, spec): \"\"\"Sets the spec of this V1PersistentVolumeClaim.   :param spec: The spec of this V1PersistentVolumeClaim.   :type: V1PersistentVolumeClaimSpec \"\"\"  self._spec = spec  @property def status(self): \"\"\"Gets the status of this V1PersistentVolumeClaim.")
    status: Optional[PersistentVolumeClaimStatus] = Field(None, description="")
