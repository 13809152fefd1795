"""ImageLocality (``plugins/imagelocality``): prefer nodes that already have the pod's images.

The score is the sum of the sizes of the pod's images present on the node, each scaled by the
share of nodes that have it, clamped between 23 MiB and 1000 MiB per container and mapped to
0..100. Image names are looked up as written, with ``:latest`` added when there is no tag.
"""

from __future__ import annotations

from typing import Any

from sandbox.scheduler.framework import MAX_NODE_SCORE, CycleState, Plugin, Status

NAME = "ImageLocality"
_MB = 1024 * 1024
MIN_THRESHOLD = 23 * _MB
MAX_CONTAINER_THRESHOLD = 1000 * _MB


def normalized_image_name(name: str) -> str:
    """``normalizedImageName``: add ``:latest`` when the name has no tag."""
    if name.rfind(":") <= name.rfind("/"):
        name = name + ":latest"
    return name


class ImageLocality(Plugin):
    name = NAME
    weight = 1

    def pre_score(self, state: CycleState, pod: Any, nodes: list[Any], snapshot: Any) -> Status | None:
        state[NAME] = ([normalized_image_name(i) for i in pod.images], snapshot.image_node_counts,
                       max(1, len(snapshot.node_list)))
        return None

    def score(self, state: CycleState, pod: Any, node: Any) -> int:
        images, counts, total_nodes = state[NAME]
        total = 0
        if node.images:
            for im in images:
                size = node.images.get(im)
                if size is not None:
                    total += int(size * (counts.get(im, 0) / total_nodes))
        max_threshold = MAX_CONTAINER_THRESHOLD * max(1, pod.num_containers)
        total = min(max(total, MIN_THRESHOLD), max_threshold)
        return MAX_NODE_SCORE * (total - MIN_THRESHOLD) // (max_threshold - MIN_THRESHOLD)
