"""``nginx`` (any ``1.x`` tag, ``latest``, ``stable``, ``mainline``, ``alpine``): a static web server.

It behaves as the official image does:

* ``/docker-entrypoint.sh`` (a shell script, from 1.19 on) prints its configuration lines to
  stdout, then ``exec``\\ s ``nginx -g 'daemon off;'``; nginx prints its ``[notice]`` start-up
  lines to stderr (the image links ``/var/log/nginx/error.log`` to ``/dev/stderr``). nginx 1.14
  has neither, so it prints nothing at start-up.
* It serves the files under the ``root`` of ``/etc/nginx/conf.d/default.conf`` (``listen 80``,
  ``root /usr/share/nginx/html``, ``index index.html index.htm``: a ConfigMap mounted there can
  change them), with nginx's own 301 for a directory without a slash, 403, 404 and 405 pages.
* Each request writes an access-log line to stdout, in nginx's ``main`` format::

      10.244.1.1 - - [01/Jan/2025:00:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"

* The image's STOPSIGNAL is ``SIGQUIT`` (graceful shutdown) from 1.19 on, ``SIGTERM`` (fast
  shutdown) before; either way nginx exits 0. A master process (PID 1) runs one worker process.
* The image has a shell and the usual tools (it is Debian-based), so ``kubectl exec`` works.
"""

from __future__ import annotations

import math
import posixpath
import re
from datetime import datetime, timezone
from email.utils import formatdate
from typing import Any

from sandbox.images.builtin.busybox import install_busybox
from sandbox.images.image import Image
from sandbox.runtime.filesystem import FileSystem, FSError
from sandbox.runtime.process import Process, Signal
from sandbox.runtime.world import context_of

__all__ = ["nginx_image", "register", "WELCOME_PAGE", "welcome_page", "error_page", "nginx_version"]

MAINLINE = "1.27.3"
STABLE = "1.26.2"

WELCOME_PAGE = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
"""

#: The page before 1.21.1 (no ``color-scheme``): 612 bytes.
OLD_WELCOME_PAGE = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
"""

DEFAULT_CONF = """server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
"""

NGINX_CONF = """
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
"""

MIME_TYPES = {
    "html": "text/html", "htm": "text/html", "shtml": "text/html", "css": "text/css",
    "xml": "text/xml", "gif": "image/gif", "jpeg": "image/jpeg", "jpg": "image/jpeg",
    "js": "application/javascript", "txt": "text/plain", "png": "image/png", "svg": "image/svg+xml",
    "ico": "image/x-icon", "json": "application/json", "pdf": "application/pdf",
    "wasm": "application/wasm", "woff2": "font/woff2", "zip": "application/zip",
}  # fmt: skip

ENTRYPOINT_SCRIPT = """#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
    entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
    entrypoint_log "$0: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"
    entrypoint_log "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"
    entrypoint_log "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"
    entrypoint_log "$0: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"
    entrypoint_log "$0: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"
    entrypoint_log "$0: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"
    entrypoint_log "$0: Configuration complete; ready for start up"
fi

exec "$@"
"""

DEBIAN_PASSWD = """root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
nginx:x:101:101:nginx user:/nonexistent:/bin/false
"""

DEBIAN_GROUP = """root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
www-data:x:33:
backup:x:34:
staff:x:50:
users:x:100:
nogroup:x:65534:
nginx:x:101:
"""


#: The last patch release of each minor version the official image was built for (1.10 .. 1.27).
LAST_PATCH = {10: 3, 11: 13, 12: 2, 13: 12, 14: 2, 15: 12, 16: 1, 17: 10, 18: 0, 19: 10, 20: 2, 21: 6,
              22: 1, 23: 4, 24: 0, 25: 5, 26: 2, 27: 3}  # fmt: skip

#: Variant suffixes (``1.27-alpine``, ``stable-perl``...) and the minor version they start at.
VARIANTS = {"": 10, "alpine": 10, "perl": 10, "alpine-perl": 10, "alpine-slim": 23, "bookworm": 25,
            "bookworm-perl": 25, "bullseye": 21, "bullseye-perl": 21, "otel": 25, "bookworm-otel": 25,
            "alpine-otel": 25}  # fmt: skip

_ALIASES = {"latest": MAINLINE, "mainline": MAINLINE, "stable": STABLE}


def _split_tag(tag: str) -> tuple[str, str]:
    """``1.27-alpine`` -> ``("1.27", "alpine")``; ``alpine`` -> ``("latest", "alpine")``."""
    if tag in VARIANTS and tag:
        return "latest", tag
    base, _, variant = tag.partition("-")
    if base in ("mainline", "stable") and variant in VARIANTS:
        return base, variant
    return base, variant


def nginx_version(tag: str) -> str | None:
    """The nginx version a tag of the official image carries (``None``: no such tag).

    Tags that exist: ``latest``, ``mainline``, ``stable``, ``1.N`` and ``1.N.P`` for every release
    the image was built for (1.10.0 .. 1.27.3, see :data:`LAST_PATCH`), each alone or with a
    variant suffix (``-alpine``, ``-perl``, ``-alpine-slim`` from 1.23, ``-bookworm`` from 1.25, ...),
    and the bare variants (``alpine``, ``perl``, ``bookworm``...).
    """
    base, variant = _split_tag(tag)
    if variant not in VARIANTS:
        return None
    version = _ALIASES.get(base)
    if version is None:
        m = re.fullmatch(r"1\.(\d+)(?:\.(\d+))?", base)
        if not m:
            return None
        minor = int(m.group(1))
        last = LAST_PATCH.get(minor)
        if last is None:
            return None
        if m.group(2) is not None:
            if int(m.group(2)) > last or (m.group(2) != str(int(m.group(2)))):
                return None
            version = base
        else:
            version = f"1.{minor}.{last}"
    if int(version.split(".")[1]) < VARIANTS[variant]:
        return None
    return version


def is_alpine(tag: str) -> bool:
    """Whether ``tag`` is an Alpine variant (busybox tools) rather than Debian (coreutils, dash)."""
    return "alpine" in _split_tag(tag)[1] or tag == "alpine"


def has_curl(tag: str) -> bool:
    """The Debian images install ``curl`` from 1.21 on (``$nginxPackages gettext-base curl``)."""
    version = nginx_version(tag)
    return version is not None and not is_alpine(tag) and _version_tuple(version) >= (1, 21, 0)


#: The programs of the Debian-based images (``debian:*-slim`` plus nginx's packages): dash and
#: bash, coreutils, grep, sed, hostname, util-linux's ipcs; no procps (``ps``), no wget, no
#: nslookup or nc.
DEBIAN_TOOLS = (
    "sh", "dash", "bash", "[", "basename", "cat", "chgrp", "chmod", "chown", "cp", "cut", "date", "dirname",
    "echo", "egrep", "env", "expr", "false", "fgrep", "grep", "head", "hostname", "id", "kill", "ln", "ls",
    "mkdir", "mv", "printenv", "printf", "pwd", "rm", "rmdir", "sed", "seq", "sleep", "sort", "tail", "tee",
    "test", "touch", "tr", "true", "uname", "uniq", "wc", "whoami", "yes", "ipcs", "ipcrm",
)  # fmt: skip


def install_debian_tools(fs: FileSystem) -> None:
    """Put :data:`DEBIAN_TOOLS` in ``/bin`` (busybox's implementations, without ``busybox`` itself)."""
    from sandbox.images.busybox import image_root

    src = image_root().view()
    for name in DEBIAN_TOOLS:
        real = "sh" if name in ("dash", "bash") else name
        path = f"/bin/{real}"
        if src.exists(path):
            data = src.read_bytes(path)
            fs.add_file(f"/bin/{name}", data, 0o755)
    for d in ("/usr/bin", "/usr/sbin", "/home", "/var/www"):
        fs.add_dir(d)


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


def welcome_page(version: str) -> str:
    """The default ``index.html`` of that version (615 bytes; 612 before 1.21.1)."""
    return WELCOME_PAGE if _version_tuple(version) >= (1, 21, 1) else OLD_WELCOME_PAGE


def error_page(status: int, reason: str, version: str) -> bytes:
    """nginx's built-in error page (CRLF line ends, as nginx writes them)."""
    return (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx/{version}</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


def _conf(proc: Process) -> tuple[int, str, list[str]]:
    """``listen`` port, ``root`` and ``index`` from ``/etc/nginx/conf.d/*.conf`` (first server)."""
    port, root, index = 80, "/usr/share/nginx/html", ["index.html", "index.htm"]
    fs = proc.fs
    try:
        names = sorted(n for n in fs.listdir("/etc/nginx/conf.d") if n.endswith(".conf"))
    except OSError:
        names = []
    for name in names:
        try:
            text = fs.read_text(f"/etc/nginx/conf.d/{name}")
        except OSError:
            continue
        text = re.sub(r"#[^\n]*", "", text)
        m = re.search(r"\blisten\s+(?:[\w.*]+:)?(\d+)[^;]*;", text)
        if m:
            port = int(m.group(1))
        m = re.search(r"\broot\s+([^;\s]+)\s*;", text)
        if m:
            root = m.group(1)
        m = re.search(r"\bindex\s+([^;]+);", text)
        if m:
            index = m.group(1).split()
        break
    return port, root, index


def _nginx_time(t: float, fmt: str) -> str:
    return datetime.fromtimestamp(t, tz=timezone.utc).strftime(fmt)


def _make_nginx(version: str, notices: bool) -> Any:
    def nginx(proc: Process) -> int:
        args = proc.argv[1:]
        if "-v" in args or "-V" in args:
            proc.stderr.write(f"nginx version: nginx/{version}\n")
            if "-V" in args:
                proc.stderr.write("built by gcc 12.2.0 (Debian 12.2.0-14)\n")
            return 0
        if "-t" in args or "-T" in args:
            proc.stderr.write(
                "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                "nginx: configuration file /etc/nginx/nginx.conf test is successful\n"
            )
            return 0
        if "-s" in args:
            i = args.index("-s")
            what = args[i + 1] if i + 1 < len(args) else ""
            sig = {"stop": Signal.SIGTERM, "quit": Signal.SIGQUIT, "reload": Signal.SIGHUP, "reopen": Signal.SIGUSR1}.get(what)
            if sig is None:
                proc.stderr.write(f'nginx: [emerg] invalid option: "-s {what}"\n')
                return 1
            try:
                proc.kill(1, sig)
            except (ProcessLookupError, PermissionError) as e:
                proc.stderr.write(f'nginx: [error] kill(1, {int(sig)}) failed ({e})\n')
                return 1
            return 0
        return _master(proc, version, notices)

    return nginx


def _master(proc: Process, version: str, notices: bool) -> int:
    pid = proc.pid

    def notice(who: int, msg: str) -> None:
        if notices:
            stamp = _nginx_time(proc.now(), "%Y/%m/%d %H:%M:%S")
            proc.stderr.write(f"{stamp} [notice] {who}#{who}: {msg}\n")

    def emerg(msg: str) -> None:
        stamp = _nginx_time(proc.now(), "%Y/%m/%d %H:%M:%S")
        proc.stderr.write(f"{stamp} [emerg] {pid}#{pid}: {msg}\n")

    for sig in (Signal.SIGTERM, Signal.SIGINT, Signal.SIGQUIT, Signal.SIGHUP, Signal.SIGUSR1):
        proc.set_handler(sig, "catch")
    ctx = context_of(proc)
    ns = ctx.network if ctx is not None else None
    port, root, index = _conf(proc)
    if ns is None:
        emerg(f"socket() 0.0.0.0:{port} failed (97: Address family not supported by protocol)")
        return 1
    from sandbox.network.http import HTTPResponse, HTTPServer

    server: HTTPServer | None = None
    for attempt in range(6):
        try:
            server = HTTPServer(ns, port, lambda req: None, server_header=f"nginx/{version}", keepalive_timeout=65.0)
            break
        except OSError as e:
            emerg(f"bind() to 0.0.0.0:{port} failed ({e.errno}: {e.strerror})")
            if attempt == 5:
                emerg("still could not bind()")
                return 1
            proc.sleep(0.5)
    assert server is not None
    notice(pid, 'using the "epoll" event method')
    notice(pid, f"nginx/{version}")
    notice(pid, "built by gcc 12.2.0 (Debian 12.2.0-14) ")
    notice(pid, "OS: Linux 6.8.0-podlab")
    notice(pid, "getrlimit(RLIMIT_NOFILE): 1048576:1048576")
    notice(pid, "start worker processes")

    def handle(req: Any) -> Any:
        resp = _serve(worker_proc, req, root, index, version, HTTPResponse)
        sent = 0 if req.method == "HEAD" else len(resp.body)
        ua = req.headers.get("User-Agent") or "-"
        ref = req.headers.get("Referer") or "-"
        xff = req.headers.get("X-Forwarded-For") or "-"
        stamp = _nginx_time(proc.now(), "%d/%b/%Y:%H:%M:%S +0000")
        worker_proc.stdout.write(
            f'{req.client[0]} - - [{stamp}] "{req.method} {req.target} {req.version}" '
            f'{resp.status} {sent} "{ref}" "{ua}" "{xff}"\n'
        )
        return resp

    server.handler = handle
    worker_proc = proc.child(["nginx: worker process"])

    def worker(wp: Process) -> int:
        wp.set_handler(Signal.SIGTERM, "ignore")
        wp.set_handler(Signal.SIGQUIT, "ignore")
        server.serve_forever()
        return 0

    proc.argv = ["nginx: master process nginx", "-g", "daemon off;"]
    proc.spawn(worker_proc, worker)
    notice(pid, f"start worker process {worker_proc.pid}")
    try:
        while True:
            proc.sleep(math.inf)
            for sig in proc.take_signals():
                if sig == Signal.SIGQUIT:
                    notice(pid, "signal 3 (SIGQUIT) received, shutting down")
                    notice(worker_proc.pid, "gracefully shutting down")
                    server.shutdown()
                elif sig in (Signal.SIGTERM, Signal.SIGINT):
                    name = "SIGTERM" if sig == Signal.SIGTERM else "SIGINT"
                    notice(pid, f"signal {int(sig)} ({name}) received, exiting")
                    server.close()
                elif sig == Signal.SIGHUP:
                    notice(pid, "signal 1 (SIGHUP) received, reconfiguring")
                    notice(pid, "reconfiguring")
                    port2, root2, index2 = _conf(proc)
                    root, index = root2, index2
                    continue
                else:
                    continue
                proc.wait_for(lambda: not worker_proc.alive, interruptible=False)
                notice(worker_proc.pid, "exiting")
                notice(worker_proc.pid, "exit")
                notice(pid, f"signal 17 (SIGCHLD) received from {worker_proc.pid}")
                notice(pid, f"worker process {worker_proc.pid} exited with code 0")
                notice(pid, "exit")
                return 0
    finally:
        server.close()


def _serve(proc: Process, req: Any, root: str, index: list[str], version: str, HTTPResponse: Any) -> Any:
    def error(status: int, reason: str, headers: dict[str, str] | None = None) -> Any:
        return HTTPResponse(status, headers={"Content-Type": "text/html", **(headers or {})}, body=error_page(status, reason, version))

    if req.method not in ("GET", "HEAD"):
        return error(405, "Not Allowed")
    path = posixpath.normpath(req.path)
    if req.path.endswith("/") and path != "/":
        path += "/"
    fs = proc.fs
    full = root.rstrip("/") + path
    try:
        if fs.is_dir(full):
            if not req.path.endswith("/"):
                host = req.headers.get("Host") or f"{req.server[0]}"
                return error(301, "Moved Permanently", {"Location": f"http://{host}{req.path}/"})
            for name in index:
                cand = full.rstrip("/") + "/" + name
                if fs.is_file(cand):
                    full = cand
                    break
            else:
                return error(403, "Forbidden")
        st = fs.stat(full)
        data = fs.read_bytes(full)
    except FSError as e:
        if e.errno == 13:
            return error(403, "Forbidden")
        return error(404, "Not Found")
    ext = full.rsplit(".", 1)[-1].lower() if "." in full.rsplit("/", 1)[-1] else ""
    mtime = int(st.mtime)
    headers = {
        "Content-Type": MIME_TYPES.get(ext, "application/octet-stream"),
        "Content-Length": str(len(data)),
        "Last-Modified": formatdate(mtime, usegmt=True),
        "ETag": f'"{mtime:x}-{len(data):x}"',
        "Accept-Ranges": "bytes",
    }
    return HTTPResponse(200, headers=headers, body=data)


def nginx_image(ref: str, tag: str) -> Image | None:
    """The official nginx image for ``tag`` (``None`` for a tag that does not exist)."""
    version = nginx_version(tag)
    if version is None:
        return None
    modern = _version_tuple(version) >= (1, 19, 0)
    alpine = is_alpine(tag)
    curl_too = has_curl(tag)
    programs: dict[str, Any] = {"nginx": _make_nginx(version, notices=modern)}
    if curl_too:
        from sandbox.images.builtin.curl import curl

        programs["curl"] = curl
    img = Image(
        ref,
        entrypoint=["/docker-entrypoint.sh"] if modern else [],
        cmd=["nginx", "-g", "daemon off;"],
        env={"NGINX_VERSION": version, "NJS_VERSION": "0.8.7", "PKG_RELEASE": "1" if alpine else "1~bookworm"},
        stop_signal="SIGQUIT" if modern else "SIGTERM",
        size=72_099_501 if modern else 44_712_042,
        exposed_ports=["80/tcp"],
        labels={"maintainer": "NGINX Docker Maintainers <docker-maint@nginx.com>"},
        programs=programs,
    )

    def build(fs: FileSystem) -> None:
        fs.add_file("/etc/passwd", DEBIAN_PASSWD)
        fs.add_file("/etc/group", DEBIAN_GROUP)
        # the alpine tags are busybox inside; the Debian ones have dash, coreutils and no wget
        if alpine:
            install_busybox(fs)
        else:
            install_debian_tools(fs)
        if curl_too:
            fs.add_file("/usr/bin/curl", img.binary_for("curl"), 0o755)
        fs.add_file("/usr/sbin/nginx", img.binary_for("nginx"), 0o755)
        fs.add_file("/etc/nginx/nginx.conf", NGINX_CONF)
        fs.add_file("/etc/nginx/conf.d/default.conf", DEFAULT_CONF)
        fs.add_file("/etc/nginx/mime.types", "types {\n" + "".join(f"    {t} {e};\n" for e, t in MIME_TYPES.items()) + "}\n")
        fs.add_file("/usr/share/nginx/html/index.html", welcome_page(version))
        fs.add_file(
            "/usr/share/nginx/html/50x.html",
            "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n"
            "<p>Sorry, the page you are looking for is currently unavailable.<br/>\nPlease try again later.</p>\n"
            "</body>\n</html>\n",
        )
        fs.add_dir("/var/log/nginx")
        fs.add_symlink("/var/log/nginx/access.log", "/dev/stdout")
        fs.add_symlink("/var/log/nginx/error.log", "/dev/stderr")
        fs.add_dir("/var/cache/nginx")
        fs.add_dir("/var/run")
        if modern:
            fs.add_file("/docker-entrypoint.sh", ENTRYPOINT_SCRIPT, 0o775)
            fs.add_dir("/docker-entrypoint.d")

    img.build = build
    return img


#: What the registry accepts before :func:`nginx_version` decides (factories return ``None``
#: for tags that do not exist).
_TAG_PATTERN = r"[\w][\w.-]{0,127}"


def register(registry: Any) -> None:
    """``nginx`` and ``nginxinc/nginx-unprivileged`` (uid 101, port 8080)."""

    def factory(tag: str) -> Image | None:
        return nginx_image(f"docker.io/library/nginx:{tag}", tag)

    registry.register_family("docker.io/library/nginx", _TAG_PATTERN, factory)

    def unprivileged(tag: str) -> Image | None:
        img = nginx_image(f"docker.io/nginxinc/nginx-unprivileged:{tag}", tag)
        if img is None:
            return None
        img.user = "101"
        inner = img.build
        assert inner is not None

        def build(fs: FileSystem) -> None:
            inner(fs)
            fs.add_file("/etc/nginx/conf.d/default.conf", DEFAULT_CONF.replace("80;", "8080;"), uid=101, gid=0)
            fs.add_dir("/var/cache/nginx", 0o775, 101, 0)
            fs.add_dir("/var/run", 0o775, 101, 0)

        img.build = build
        img.exposed_ports = ["8080/tcp"]
        return img

    registry.register_family("docker.io/nginxinc/nginx-unprivileged", _TAG_PATTERN, unprivileged)
