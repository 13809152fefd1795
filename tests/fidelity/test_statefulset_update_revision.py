"""Which revision a StatefulSet pod is (re)created from.

Kubernetes: ``pkg/controller/statefulset/stateful_set_utils.go`` ``newVersionedStatefulSetPod``:
a pod created below ``rollingUpdate.partition`` keeps the current revision; any other pod, and
every pod of an ``OnDelete`` set, is created from the update revision (the new template and its
``controller-revision-hash``).
"""

from __future__ import annotations

import pytest

from sandbox import Cluster

COLUMNS = "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image"


def _run(strategy: str) -> tuple[str, str, str]:
    with Cluster(nodes=1, seed=0) as c:
        c.apply(f"""
apiVersion: apps/v1
kind: StatefulSet
metadata: {{name: db}}
spec:
  replicas: 3
  serviceName: db
  updateStrategy: {strategy}
  selector: {{matchLabels: {{app: db}}}}
  template:
    metadata: {{labels: {{app: db}}}}
    spec:
      containers: [{{name: c, image: "nginx:1.26"}}]
""")
        c.advance(60)
        c.patch("statefulset", "db", {"spec": {"template": {"spec": {"containers": [{"name": "c", "image": "nginx:1.27"}]}}}})
        c.advance(60)
        c.delete("pod/db-1")
        c.advance(60)
        sts = c.get("statefulset/db")
        hashes = {p.metadata.name: p.metadata.labels["controller-revision-hash"] for p in c.list("pods")}
        assert hashes["db-0"] == sts.status.currentRevision
        return c.kubectl(f"get pods -o {COLUMNS}").stdout, hashes["db-1"], sts.status.updateRevision


def test_on_delete_recreates_a_deleted_pod_from_the_update_revision() -> None:
    out, db1, update = _run("{type: OnDelete}")
    assert out == ("NAME   IMAGE\n"
                   "db-0   nginx:1.26\n"
                   "db-1   nginx:1.27\n"
                   "db-2   nginx:1.26\n")
    assert db1 == update


@pytest.mark.parametrize("partition", [2, 3])
def test_a_pod_below_the_partition_is_recreated_at_the_current_revision(partition: int) -> None:
    out, db1, update = _run(f"{{type: RollingUpdate, rollingUpdate: {{partition: {partition}}}}}")
    db2 = "nginx:1.27" if partition == 2 else "nginx:1.26"
    assert out == ("NAME   IMAGE\n"
                   "db-0   nginx:1.26\n"
                   "db-1   nginx:1.26\n"
                   f"db-2   {db2}\n")
    assert db1 != update
