"""Pod volumes (``ValidateVolumes``, ``validateVolumeSource``) for the sources the sandbox supports."""

from __future__ import annotations

import posixpath
from typing import Any

from sandbox.api import field
from sandbox.api.field import FieldError, Path
from sandbox.api.validation._util import parse_quantity
from sandbox.api.validation.meta import validate_dns1123_label

__all__ = ["validate_volumes", "VOLUME_SOURCES", "FILE_MODE_ERROR"]

FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive"

#: Volume source fields in the order Kubernetes checks them (the first one set wins).
VOLUME_SOURCES = (
    "emptyDir", "hostPath", "gitRepo", "gcePersistentDisk", "awsElasticBlockStore", "secret", "nfs",
    "iscsi", "glusterfs", "flocker", "persistentVolumeClaim", "rbd", "cinder", "cephfs", "quobyte",
    "downwardAPI", "fc", "flexVolume", "configMap", "azureFile", "vsphereVolume", "photonPersistentDisk",
    "portworxVolume", "azureDisk", "storageos", "projected", "scaleIO", "csi", "ephemeral", "image",
)
_FORBIDDEN_PATH_NAME = {"cephfs": "cephFS", "downwardAPI": "downwarAPI"}  # Kubernetes' own spellings
_HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"]


def _no_backsteps(target: str, path: Path) -> list[FieldError]:
    if ".." in target.replace("\\", "/").split("/"):
        return [field.invalid(path, target, "must not contain '..'")]
    return []


def _local_descending(target: str, path: Path) -> list[FieldError]:
    errs = []
    if posixpath.isabs(target):
        errs.append(field.invalid(path, target, "must be a relative path"))
    return errs + _no_backsteps(target, path)


def _local_non_reserved(target: str, path: Path) -> list[FieldError]:
    errs = _local_descending(target, path)
    if target.startswith("..") and not target.startswith("../"):
        errs.append(field.invalid(path, target, "must not start with '..'"))
    return errs


def _mode(v: Any, path: Path) -> list[FieldError]:
    if v is not None and (v > 0o777 or v < 0):
        return [field.invalid(path, v, FILE_MODE_ERROR)]
    return []


def _key_to_path(kp: dict[str, Any], path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    if not kp.get("key"):
        errs.append(field.required(path.child("key")))
    if not kp.get("path"):
        errs.append(field.required(path.child("path")))
    errs += _local_non_reserved(kp.get("path", ""), path.child("path"))
    errs += _mode(kp.get("mode"), path.child("mode"))
    return errs


def _validate_source(kind: str, src: dict[str, Any], path: Path) -> list[FieldError]:
    errs: list[FieldError] = []
    if kind == "emptyDir":
        lim = parse_quantity(src.get("sizeLimit"))
        if lim is not None and lim < 0:
            errs.append(field.forbidden(path.child("sizeLimit"), "SizeLimit field must be a valid resource quantity"))
    elif kind == "hostPath":
        if not src.get("path"):
            return [field.required(path.child("path"))]
        errs += _no_backsteps(src["path"], path.child("path"))
        t = src.get("type")
        if t is not None and t not in _HOST_PATH_TYPES:
            errs.append(field.not_supported(path.child("type"), t, _HOST_PATH_TYPES))
    elif kind in ("secret", "configMap"):
        name_field = "secretName" if kind == "secret" else "name"
        if not src.get(name_field):
            errs.append(field.required(path.child(name_field)))
        errs += _mode(src.get("defaultMode"), path.child("defaultMode"))
        for i, kp in enumerate(src.get("items") or []):
            errs += _key_to_path(kp, path.child("items").index(i))
    elif kind == "persistentVolumeClaim":
        if not src.get("claimName"):
            errs.append(field.required(path.child("claimName")))
    elif kind == "downwardAPI":
        errs += _mode(src.get("defaultMode"), path.child("defaultMode"))
        for item in src.get("items") or []:
            if not item.get("path"):
                errs.append(field.required(path.child("path")))
            errs += _local_non_reserved(item.get("path", ""), path.child("path"))
            if item.get("fieldRef") is None and item.get("resourceFieldRef") is None:
                errs.append(field.required(path, "one of fieldRef and resourceFieldRef is required"))
            errs += _mode(item.get("mode"), path.child("mode"))
    elif kind == "projected":
        errs += _mode(src.get("defaultMode"), path.child("defaultMode"))
        for i, s in enumerate(src.get("sources") or []):
            sp = path.child("sources").index(i)
            n = 0
            for sub in ("secret", "configMap"):
                if s.get(sub) is not None:
                    n += 1
                    if not s[sub].get("name"):
                        errs.append(field.required(sp.child(sub).child("name")))
                    for j, kp in enumerate(s[sub].get("items") or []):
                        errs += _key_to_path(kp, sp.child(sub).child("items").index(j))
            for sub in ("downwardAPI", "serviceAccountToken", "clusterTrustBundle"):
                if s.get(sub) is not None:
                    n += 1
            sat = s.get("serviceAccountToken")
            if sat is not None:
                exp = sat.get("expirationSeconds", 0) or 0
                if exp < 600:
                    errs.append(field.invalid(sp.child("serviceAccountToken").child("expirationSeconds"), exp, "may not specify a duration less than 10 minutes"))
                if not sat.get("path"):
                    errs.append(field.required(path.child("path")))
            if n > 1:
                errs.append(field.forbidden(sp, "may not specify more than 1 volume type per source"))
    elif kind == "nfs":
        if not src.get("server"):
            errs.append(field.required(path.child("server")))
        if not src.get("path"):
            errs.append(field.required(path.child("path")))
        if not posixpath.isabs(src.get("path", "")):
            errs.append(field.invalid(path.child("path"), src.get("path", ""), "must be an absolute path"))
    return errs


def validate_volumes(volumes: list[dict[str, Any]] | None, path: Path) -> tuple[dict[str, dict[str, Any]], list[FieldError]]:
    """``ValidateVolumes``: returns the valid volumes by name and the errors."""
    errs: list[FieldError] = []
    seen: set[str] = set()
    valid: dict[str, dict[str, Any]] = {}
    for i, vol in enumerate(volumes or []):
        ip = path.index(i)
        el: list[FieldError] = []
        n = 0
        for kind in VOLUME_SOURCES:
            if vol.get(kind) is None:
                continue
            if n > 0:
                el.append(field.forbidden(ip.child(_FORBIDDEN_PATH_NAME.get(kind, kind)), "may not specify more than 1 volume type"))
            else:
                n += 1
                el += _validate_source(kind, vol[kind], ip.child(kind))
        if n == 0:
            el.append(field.required(ip, "must specify a volume type"))
        name = vol.get("name", "")
        if not name:
            el.append(field.required(ip.child("name")))
        else:
            el += validate_dns1123_label(name, ip.child("name"))
        if name in seen:
            el.append(field.duplicate(ip.child("name"), name))
        if not el:
            seen.add(name)
            valid[name] = vol
        else:
            errs += el
    return valid, errs
