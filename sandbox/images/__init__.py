"""Container images: their filesystem trees and the programs their binaries run.

``sandbox.images.busybox`` is the busybox-like image (a POSIX shell and its applets).
"""
