"""The pristine copy of ``exercises/`` that ``podlab reset`` restores from.

Learners commit their own work, so git cannot be the source of "as shipped". podlab ships the
exercises a second time, as one archive inside the package (``podlab/pristine.tar.gz``), written by
``podlab dev freeze``. It is byte-for-byte reproducible (sorted entries, zero timestamps and owners,
gzip without a timestamp), so re-freezing unchanged exercises changes nothing in git, and the
project's tests compare it with ``exercises/`` and fail, naming the file, when someone changed an
exercise without re-freezing.
"""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

__all__ = ["ARCHIVE", "collect", "freeze", "read", "differences", "restore"]

#: The packaged pristine copy.
ARCHIVE = Path(__file__).resolve().parent / "pristine.tar.gz"

_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ipynb_checkpoints"}
_SKIP_SUFFIXES = (".pyc", ".pyo", ".swp", "~")


def collect(exercises_dir: Path) -> dict[str, bytes]:
    """Every file under ``exercises_dir`` worth shipping, keyed by its POSIX path inside it."""
    out: dict[str, bytes] = {}
    for p in sorted(exercises_dir.rglob("*")):
        rel = p.relative_to(exercises_dir)
        if any(part in _SKIP_DIRS for part in rel.parts) or p.name.endswith(_SKIP_SUFFIXES):
            continue
        if p.is_file():
            out[rel.as_posix()] = p.read_bytes()
    return out


def freeze(exercises_dir: Path, archive: Path = ARCHIVE) -> int:
    """Write the archive from ``exercises_dir``; returns how many files it holds."""
    files = collect(exercises_dir)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    archive.write_bytes(packed.getvalue())
    return len(files)


def read(archive: Path = ARCHIVE) -> dict[str, bytes]:
    """The archive's files, keyed by path inside ``exercises/``."""
    if not archive.is_file():
        raise FileNotFoundError(f"The pristine copy {archive} is missing: reinstall podlab.")
    out: dict[str, bytes] = {}
    with tarfile.open(archive, mode="r:gz") as tar:
        for member in tar.getmembers():
            if member.isfile():
                f = tar.extractfile(member)
                assert f is not None
                out[member.name] = f.read()
    return out


def differences(exercises_dir: Path, archive: Path = ARCHIVE) -> list[str]:
    """What differs between ``exercises_dir`` and the archive, one line per file."""
    have, shipped = collect(exercises_dir), read(archive)
    lines = []
    for name in sorted(set(have) | set(shipped)):
        if name not in shipped:
            lines.append(f"{name}: new, not in the pristine copy")
        elif name not in have:
            lines.append(f"{name}: in the pristine copy but no longer in exercises/")
        elif have[name] != shipped[name]:
            lines.append(f"{name}: changed since the pristine copy was made")
    return lines


def restore(exercises_dir: Path, prefix: str = "", archive: Path = ARCHIVE) -> list[str]:
    """Write back every pristine file whose path starts with ``prefix`` (``"01-first-pod/"``,
    or ``""`` for all) that is missing or differs; returns the paths restored."""
    restored = []
    for name, data in sorted(read(archive).items()):
        if not name.startswith(prefix):
            continue
        target = exercises_dir / name
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        restored.append(name)
    return restored
