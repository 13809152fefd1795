"""Container images: their filesystem trees and the programs their binaries run.

``sandbox.images.busybox`` is the busybox-like image (a POSIX shell and its applets).
"""

from sandbox.images.image import Image, image, parse_reference  # noqa: E402
from sandbox.images.registry import REGISTRY, Registry  # noqa: E402

__all__ = ["Image", "image", "parse_reference", "REGISTRY", "Registry"]
