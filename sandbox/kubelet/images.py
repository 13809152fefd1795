"""The image manager (``pkg/kubelet/images/image_manager.go``): pull policy, pull events and the
image pull back-off (``ErrImagePull`` -> ``ImagePullBackOff``). A reference that does not parse
(``nginx:1,27``, ``Nginx``) is never pulled: ``InvalidImageName`` with an ``InspectFailed``
warning, tried again at every sync."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from sandbox.images.image import InvalidReference, parse_reference
from sandbox.kubelet import events
from sandbox.kubelet.backoff import Backoff, format_duration
from sandbox.kubelet.coro import Op, Wait

__all__ = [
    "ERR_IMAGE_PULL",
    "ERR_IMAGE_PULL_BACKOFF",
    "ERR_IMAGE_NEVER_PULL",
    "ERR_INVALID_IMAGE_NAME",
    "PullResult",
    "ImageManager",
    "should_pull_image",
]

ERR_IMAGE_PULL = "ErrImagePull"
ERR_IMAGE_PULL_BACKOFF = "ImagePullBackOff"
ERR_IMAGE_NEVER_PULL = "ErrImageNeverPull"
ERR_INVALID_IMAGE_NAME = "InvalidImageName"


@dataclass
class PullResult:
    """``EnsureImageExists``'s answer: the image ref, or an error (``ErrImagePull``...) and message."""

    image_ref: str = ""
    error: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def should_pull_image(policy: str | None, present: bool) -> bool:
    """``shouldPullImage``: ``Never`` never pulls, ``IfNotPresent`` pulls when absent, ``Always`` always."""
    if policy == "Never":
        return False
    if policy == "Always":
        return True
    return not present


class ImageManager:
    """Ensures a container's image is on the node, recording events as the kubelet does.

    ``record(pod, container_name, type, reason, message)`` records a container event.
    """

    def __init__(self, runtime: Any, clock: Any, record: Callable[[Any, str, str, str, str], Any]) -> None:
        self.runtime = runtime
        self.clock = clock
        self.record = record
        self.backoff = Backoff(clock.now)
        self._prev_err: dict[str, str] = {}

    def next_retry(self, pod_uid: str, image: str) -> float | None:
        """When the pull back-off of ``image`` for this pod ends (``None``: no back-off)."""
        key = f"{pod_uid}_{image}"
        last = self.backoff.last_update(key)
        if last is None:
            return None
        return last + self.backoff.get(key)

    def ensure_image_exists(self, pod: Any, container: Any) -> Generator[Op, Any, PullResult]:
        """A coroutine: pull ``container.image`` if its ``imagePullPolicy`` says so."""
        image = container.image or ""
        name = container.name
        # applyDefaultImageTag: a reference that does not parse is never pulled
        try:
            parse_reference(image)
        except InvalidReference as exc:
            msg = (f'Failed to apply default image tag "{image}": '
                   f'couldn\'t parse image name "{image}": {exc}')
            self.record(pod, name, events.WARNING, events.FAILED_TO_INSPECT_IMAGE, msg)
            return PullResult(error=ERR_INVALID_IMAGE_NAME, message=msg)
        present = self.runtime.image_present(image)
        if not should_pull_image(container.imagePullPolicy, present):
            if present:
                self.record(pod, name, events.NORMAL, events.PULLED_IMAGE,
                            f'Container image "{image}" already present on machine')
                return PullResult(image_ref=self._ref_of(image))
            msg = f'Container image "{image}" is not present with pull policy of Never'
            self.record(pod, name, events.WARNING, events.ERR_IMAGE_NEVER_PULL_POLICY, msg)
            return PullResult(error=ERR_IMAGE_NEVER_PULL, message=msg)

        key = f"{pod.metadata.uid}_{image}"
        now = self.clock.now()
        if self.backoff.is_in_backoff_since_update(key, now):
            msg = f'Back-off pulling image "{image}"'
            self.record(pod, name, events.NORMAL, events.BACKOFF_PULL_IMAGE, msg)
            prev = self._prev_err.get(key)
            if prev:
                msg = f"{msg}: {prev}"
            return PullResult(error=ERR_IMAGE_PULL_BACKOFF, message=msg)

        self.record(pod, name, events.NORMAL, events.PULLING_IMAGE, f'Pulling image "{image}"')
        start = self.clock.now()
        ref, err, seconds, size = yield Wait(
            lambda resume: self.runtime.pull_image(image, lambda r, e, s, n: resume((r, e, s, n)))
        )
        if err is not None:
            self.record(pod, name, events.WARNING, events.FAILED_TO_PULL_IMAGE,
                        f'Failed to pull image "{image}": {err}')
            self.backoff.next(key, self.clock.now())
            self._prev_err[key] = f"{ERR_IMAGE_PULL}: {err}"
            return PullResult(error=ERR_IMAGE_PULL, message=str(err))
        waited = self.clock.now() - start
        self.record(
            pod, name, events.NORMAL, events.PULLED_IMAGE,
            f'Successfully pulled image "{image}" in {format_duration(_ms(seconds))} '
            f"({format_duration(_ms(waited))} including waiting). Image size: {size} bytes.",
        )
        self._prev_err.pop(key, None)
        return PullResult(image_ref=ref or self._ref_of(image))

    def _ref_of(self, image: str) -> str:
        fn = getattr(self.runtime, "image_ref", None)
        if callable(fn):
            try:
                return str(fn(image))
            except Exception:  # noqa: BLE001 - best effort
                return ""
        return ""

    def forget_pod(self, pod_uid: str) -> None:
        self.backoff.delete_prefix(f"{pod_uid}_")
        for k in [k for k in self._prev_err if k.startswith(f"{pod_uid}_")]:
            del self._prev_err[k]


def _ms(seconds: float) -> float:
    """``Duration.Truncate(time.Millisecond)``."""
    return int(max(0.0, seconds) * 1000 + 1e-6) / 1000.0
