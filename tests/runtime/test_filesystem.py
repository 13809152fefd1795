"""The in-memory filesystem: mounts, permissions, limits and Linux's error words."""

from __future__ import annotations

import errno

import pytest

from sandbox.runtime import Credentials, FileSystem, FSError, MountNamespace

USER = Credentials(uid=1000, gid=3000, groups=(2000,))


def image() -> FileSystem:
    fs = FileSystem(lambda: 100.0)
    fs.add_file("/etc/hostname", "img\n")
    fs.add_dir("/tmp", 0o1777)
    fs.add_dir("/data", 0o755)
    fs.add_file("/root/secret", "s", 0o600)
    return fs


def test_volume_is_shared_between_two_containers() -> None:
    vol = FileSystem(name="cache")
    a = MountNamespace.for_container(image())
    b = MountNamespace.for_container(image())
    a.mount("/cache", vol)
    b.mount("/shared/data", vol)
    a.write_text("/cache/x", "from a")
    assert b.read_text("/shared/data/x") == "from a"
    assert b.listdir("/shared/data") == ["x"]


def test_root_writes_vanish_in_a_new_container_from_the_same_image() -> None:
    img = image()
    first = MountNamespace.for_container(img)
    first.write_text("/etc/hostname", "changed\n")
    first.write_text("/tmp/new", "x")
    second = MountNamespace.for_container(img)
    assert second.read_text("/etc/hostname") == "img\n"
    assert not second.exists("/tmp/new")


def test_read_only_mount_and_read_only_root() -> None:
    vol = FileSystem()
    vol.add_file("/config.yaml", "a: 1\n")
    ns = MountNamespace.for_container(image(), read_only_root=True)
    ns.mount("/etc/app", vol, read_only=True)
    ns.mount("/scratch", FileSystem())
    assert ns.read_text("/etc/app/config.yaml") == "a: 1\n"
    for call in (lambda: ns.write_text("/etc/app/config.yaml", "b"), lambda: ns.write_text("/tmp/x", "y"),
                 lambda: ns.mkdir("/data/d"), lambda: ns.remove("/etc/hostname")):
        with pytest.raises(FSError) as e:
            call()
        assert str(e.value) == "Read-only file system" and e.value.code == "EROFS"
    ns.write_text("/scratch/ok", "fine")  # a writable volume on a read-only root


def test_sub_path_mounts_a_directory_or_a_file() -> None:
    vol = FileSystem()
    vol.add_file("/site/index.html", "<h1>hi</h1>")
    vol.add_file("/keys/app.conf", "k=v\n")
    ns = MountNamespace.for_container(image())
    ns.mount("/usr/share/nginx/html", vol, sub_path="site")
    ns.mount("/etc/app.conf", vol, sub_path="keys/app.conf")
    ns.mount("/logs", vol, sub_path="logs")  # a missing subPath is created as a directory
    assert ns.listdir("/usr/share/nginx/html") == ["index.html"]
    assert ns.read_text("/etc/app.conf") == "k=v\n"
    ns.write_text("/logs/a.log", "x")
    assert vol.view().read_text("/logs/a.log") == "x"


def test_permissions_for_a_non_root_user() -> None:
    ns = MountNamespace.for_container(image(), creds=USER)
    with pytest.raises(FSError) as e:
        ns.read_text("/root/secret")
    assert (e.value.errno, str(e.value)) == (errno.EACCES, "Permission denied")
    with pytest.raises(FSError, match="Permission denied"):
        ns.write_text("/data/x", "y")
    ns.write_text("/tmp/mine", "ok")
    st = ns.stat("/tmp/mine")
    assert (st.uid, st.gid, oct(st.mode & 0o7777)) == (1000, 3000, "0o644")


def test_group_permissions_and_root_bypass() -> None:
    img = image()
    img.add_dir("/shared", 0o770, uid=0, gid=2000)
    ns = MountNamespace.for_container(img, creds=USER)
    ns.write_text("/shared/f", "via supplementary group")
    ns.chmod("/shared/f", 0o600)
    root = ns.with_creds(Credentials())
    assert root.read_text("/root/secret") == "s"
    nocaps = ns.with_creds(Credentials(uid=0, capabilities=frozenset()))
    with pytest.raises(FSError, match="Permission denied"):
        nocaps.read_text("/shared/f")


def test_chown_needs_chown_capability() -> None:
    img = image()
    img.add_file("/data/f", "x", uid=1000, gid=3000)
    ns = MountNamespace.for_container(img, creds=USER)
    with pytest.raises(FSError) as e:
        ns.chown("/data/f", 0, 0)
    assert str(e.value) == "Operation not permitted"
    ns.chown("/data/f", None, 2000)  # an owner may give the file to one of its groups
    root = ns.with_creds(Credentials())
    root.chown("/data/f", 33, 33)
    assert (root.stat("/data/f").uid, root.stat("/data/f").gid) == (33, 33)
    dropped = ns.with_creds(Credentials(uid=0, capabilities=frozenset({"DAC_OVERRIDE"})))
    with pytest.raises(FSError, match="Operation not permitted"):
        dropped.chown("/data/f", 0, 0)


def test_size_limit_reports_usage_or_fails_like_tmpfs() -> None:
    disk = FileSystem(size_limit=10)
    ns = MountNamespace.for_container(image())
    ns.mount("/cache", disk)
    ns.write_text("/cache/a", "123456")
    assert (disk.usage(), disk.over_limit()) == (6, False)
    ns.append("/cache/a", "789012")
    assert (disk.usage(), disk.over_limit()) == (12, True)
    ns.remove("/cache/a")
    assert disk.usage() == 0
    mem = FileSystem(size_limit=4, enforce_limit=True)
    ns.mount("/mem", mem)
    with pytest.raises(FSError) as e:
        ns.write_text("/mem/big", "12345")
    assert (e.value.code, str(e.value)) == ("ENOSPC", "No space left on device")


ERRORS = [
    (lambda ns: ns.read_text("/nope"), "No such file or directory"),
    (lambda ns: ns.read_text("/tmp"), "Is a directory"),
    (lambda ns: ns.read_text("/etc/hostname/x"), "Not a directory"),
    (lambda ns: ns.mkdir("/tmp"), "File exists"),
    (lambda ns: ns.rmdir("/etc"), "Directory not empty"),
    (lambda ns: ns.remove("/tmp"), "Is a directory"),
    (lambda ns: ns.rmdir("/etc/hostname"), "Not a directory"),
    (lambda ns: ns.mkdir("/a/b/c"), "No such file or directory"),
]


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_errors_use_linux_words(call, message: str) -> None:  # noqa: ANN001
    ns = MountNamespace.for_container(image())
    with pytest.raises(FSError) as e:
        call(ns)
    assert str(e.value) == message


def test_files_dirs_symlinks_rename_walk_and_relative_paths() -> None:
    ns = MountNamespace.for_container(image())
    ns.mkdir("/a/b/c", parents=True)
    ns.cwd = "/a"
    ns.write_text("b/f.txt", "hello")
    with ns.open("b/f.txt", "a") as f:
        f.write(" world")
    with ns.open("b/f.txt", "rb") as f:
        assert f.read() == b"hello world"
    ns.symlink("/a/b", "/link")
    assert ns.read_text("/link/f.txt") == "hello world"
    assert ns.is_symlink("/link") and ns.readlink("/link") == "/a/b"
    ns.rename("b/f.txt", "/a/g.txt")
    assert list(ns.walk("/a")) == [("/a", ["b"], ["g.txt"]), ("/a/b", ["c"], []), ("/a/b/c", [], [])]
    st = ns.stat("/a/g.txt")
    assert (st.size, st.mtime, st.is_file) == (11, 100.0, True)
    ns.chmod("/a/g.txt", 0o600)
    assert ns.stat("/a/g.txt").mode & 0o777 == 0o600


def test_rename_across_mounts_is_a_cross_device_link() -> None:
    ns = MountNamespace.for_container(image())
    ns.mount("/vol", FileSystem())
    ns.write_text("/tmp/x", "1")
    with pytest.raises(FSError, match="Invalid cross-device link"):
        ns.rename("/tmp/x", "/vol/x")


def test_dev_null_and_sticky_tmp() -> None:
    ns = MountNamespace.for_container(image())
    ns.write_text("/dev/null", "gone")
    assert ns.read_text("/dev/null") == ""
    ns.write_text("/tmp/roots", "x")
    other = ns.with_creds(USER)
    with pytest.raises(FSError, match="Operation not permitted"):
        other.remove("/tmp/roots")


def test_container_copies_of_an_image_are_independent() -> None:
    # the copy's cost is measured by benchmarks/run.py, never asserted here
    img = FileSystem()
    for i in range(50):
        img.add_file(f"/etc/f{i}", "x" * 100)
    first, second = MountNamespace.for_container(img), MountNamespace.for_container(img)
    first.write_text("/etc/f0", "changed")
    assert second.read_text("/etc/f0") == "x" * 100
    assert img.view().read_text("/etc/f0") == "x" * 100
