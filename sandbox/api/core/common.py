"""Shared core/v1 references and selectors: ``LocalObjectReference``, ``ObjectReference``, key selectors, ``ResourceRequirements``.

Field names are the Kubernetes JSON names; every field is optional (``None`` = absent).
Field lists and descriptions follow ``k8s.io/api`` (Kubernetes 1.34).
"""

from __future__ import annotations

from typing import ClassVar, Optional

from pydantic import Field

from sandbox.api.base import K8sModel, KubeObject
from sandbox.api.meta import ObjectMeta
from sandbox.api.quantity import Quantity, ResourceList

__all__ = [
    "ObjectReference",
    "ResourceClaim",
    "Binding",
    "LocalObjectReference",
    "ConfigMapKeySelector",
    "ObjectFieldSelector",
    "FileKeySelector",
    "ResourceFieldSelector",
    "SecretKeySelector",
    "ResourceRequirements",
    "TypedLocalObjectReference",
    "TypedObjectReference",
    "VolumeResourceRequirements",
]


class ObjectReference(K8sModel):
    """ObjectReference contains enough information to let you inspect or modify the referred object.

    ``ObjectReference`` (core/v1); fields as in ``kubectl explain``.
    """

    _go_field_types: ClassVar[dict[str, str]] = {'uid': 'types.UID'}

    apiVersion: Optional[str] = Field(None, description="API version of the referent.")
    fieldPath: Optional[str] = Field(None, description="If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container that triggered the event) or if no container name is specified \"spec.containers[2]\" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.")
    kind: Optional[str] = Field(None, description="Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    name: Optional[str] = Field(None, description="Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    namespace: Optional[str] = Field(None, description="Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/")
    resourceVersion: Optional[str] = Field(None, description="Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency")
    uid: Optional[str] = Field(None, description="UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids")


class ResourceClaim(K8sModel):
    """ResourceClaim references one entry in PodSpec.ResourceClaims.

    ``ResourceClaim`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("name",)

    name: Optional[str] = Field(None, description="Name must match the name of one entry in pod.spec.resourceClaims of the Pod where this field is used. It makes that resource available inside a container.")
    request: Optional[str] = Field(None, description="Request is the name chosen for a request in the referenced claim. If empty, everything from the claim is made available, otherwise only the result of this request.")


class Binding(KubeObject):
    """Binding ties one object to another; for example, a pod is bound to a node by a scheduler.

    ``Binding`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("target",)

    API_VERSION: ClassVar[str] = "v1"
    KIND: ClassVar[str] = "Binding"

    apiVersion: str = Field("v1", description="APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources")
    kind: str = Field("Binding", description="Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds")
    metadata: Optional[ObjectMeta] = Field(None, description="Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
    target: Optional[ObjectReference] = Field(None, description="The target object that you want to bind to the standard object.")


class LocalObjectReference(K8sModel):
    """LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.

    ``LocalObjectReference`` (core/v1); fields as in ``kubectl explain``.
    """

    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")


class ConfigMapKeySelector(K8sModel):
    """Selects a key from a ConfigMap.

    ``ConfigMapKeySelector`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("key",)

    key: Optional[str] = Field(None, description="The key to select.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the ConfigMap or its key must be defined")


class ObjectFieldSelector(K8sModel):
    """ObjectFieldSelector selects an APIVersioned field of an object.

    ``ObjectFieldSelector`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("fieldPath",)

    apiVersion: Optional[str] = Field(None, description="Version of the schema the FieldPath is written in terms of, defaults to \"v1\".")
    fieldPath: Optional[str] = Field(None, description="Path of the field to select in the specified API version.")


class FileKeySelector(K8sModel):
    """FileKeySelector selects a key of the env file.

    ``FileKeySelector`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("volumeName", "path", "key")

    key: Optional[str] = Field(None, description="The key within the env file. An invalid key will prevent the pod from starting. The keys defined within a source may consist of any printable ASCII characters except '='. During Alpha stage of the EnvFiles feature gate, the key size is limited to 128 characters.")
    optional: Optional[bool] = Field(None, description="Specify whether the file or its key must be defined. If the file or key does not exist, then the env var is not published. If optional is set to true and the specified key does not exist, the environment variable will not be set in the Pod's containers.\n\nIf optional is set to false and the specified key does not exist, an error will be returned during Pod creation.")
    path: Optional[str] = Field(None, description="The path within the volume from which to select the file. Must be relative and may not contain the '..' path or start with '..'.")
    volumeName: Optional[str] = Field(None, description="The name of the volume mount containing the env file.")


class ResourceFieldSelector(K8sModel):
    """ResourceFieldSelector represents container resources (cpu, memory) and their output format

    ``ResourceFieldSelector`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("resource",)

    containerName: Optional[str] = Field(None, description="Container name: required for volumes, optional for env vars")
    divisor: Optional[Quantity] = Field(None, description="Specifies the output format of the exposed resources, defaults to \"1\"")
    resource: Optional[str] = Field(None, description="Required: resource to select")


class SecretKeySelector(K8sModel):
    """SecretKeySelector selects a key of a Secret.

    ``SecretKeySelector`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("key",)

    key: Optional[str] = Field(None, description="The key of the secret to select from.  Must be a valid secret key.")
    name: Optional[str] = Field(None, description="Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names")
    optional: Optional[bool] = Field(None, description="Specify whether the Secret or its key must be defined")


class ResourceRequirements(K8sModel):
    """ResourceRequirements describes the compute resource requirements.

    ``ResourceRequirements`` (core/v1); fields as in ``kubectl explain``.
    """

    claims: Optional[list[ResourceClaim]] = Field(None, description="Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.\n\nThis field depends on the DynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers.")
    limits: Optional[ResourceList] = Field(None, description="Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
    requests: Optional[ResourceList] = Field(None, description="Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")


class TypedLocalObjectReference(K8sModel):
    """TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.

    ``TypedLocalObjectReference`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("kind", "name")

    apiGroup: Optional[str] = Field(None, description="APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.")
    kind: Optional[str] = Field(None, description="Kind is the type of resource being referenced")
    name: Optional[str] = Field(None, description="Name is the name of resource being referenced")


class TypedObjectReference(K8sModel):
    """TypedObjectReference contains enough information to let you locate the typed referenced object

    ``TypedObjectReference`` (core/v1); fields as in ``kubectl explain``.
    """

    _required_fields: ClassVar[tuple[str, ...]] = ("kind", "name")

    apiGroup: Optional[str] = Field(None, description="APIGroup is the group for the resource being referenced. If APIGroup is not specified, the specified Kind must be in the core API group. For any other third-party types, APIGroup is required.")
    kind: Optional[str] = Field(None, description="Kind is the type of resource being referenced")
    name: Optional[str] = Field(None, description="Name is the name of resource being referenced")
    namespace: Optional[str] = Field(None, description="Namespace is the namespace of resource being referenced Note that when a namespace is specified, a gateway.networking.k8s.io/ReferenceGrant object is required in the referent namespace to allow that namespace's owner to accept the reference. See the ReferenceGrant documentation for details. (Alpha) This field requires the CrossNamespaceVolumeDataSource feature gate to be enabled.")


class VolumeResourceRequirements(K8sModel):
    """VolumeResourceRequirements describes the storage resource requirements for a volume.

    ``VolumeResourceRequirements`` (core/v1); fields as in ``kubectl explain``.
    """

    limits: Optional[ResourceList] = Field(None, description="Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
    requests: Optional[ResourceList] = Field(None, description="Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
