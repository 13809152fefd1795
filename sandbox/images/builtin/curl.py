"""``curl`` 7.88 (Debian bookworm's), as the Debian-based ``nginx`` images ship it.

The common options: ``-s``/``-S`` (silent, but show errors), ``-o FILE``, ``-I`` (HEAD, print the headers), ``-i`` (headers then body), ``-f`` (fail on HTTP >= 400
with exit 22), ``-L`` (follow redirects), ``-m SECONDS`` (``--max-time``), ``-X METHOD``,
``-H 'Name: value'``, ``-d DATA``. Errors are curl's words and exit codes::

    curl: (6) Could not resolve host: nosuch
    curl: (7) Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server
    curl: (22) The requested URL returned error: 404
    curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received

Requests go through the sandbox network's HTTP client (:func:`sandbox.network.http.http_request`).
"""

from __future__ import annotations

import socket

from sandbox.runtime.process import Process
from sandbox.runtime.world import context_of

__all__ = ["curl", "VERSION"]

VERSION = "7.88.1"

_USAGE = "curl: try 'curl --help' or 'curl --manual' for more information\n"


def _progress(total: int) -> str:
    size = f"{total}" if total < 10000 else f"{total // 1024}k"
    return (
        "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
        "                                 Dload  Upload   Total   Spent    Left  Speed\n"
        f"\r100 {size:>5}  100 {size:>5}    0     0   {size:>5}      0 --:--:-- --:--:-- --:--:-- {size:>5}\n"
    )


def curl(proc: Process) -> int:
    """``curl [options] URL``."""
    args = proc.argv[1:]
    silent = show_error = head = include = fail = follow = False
    out_file: str | None = None
    max_time: float | None = None
    method: str | None = None
    headers: list[tuple[str, str]] = []
    data: str | None = None
    urls: list[str] = []
    with_value = {"-o": "o", "--output": "o", "-m": "m", "--max-time": "m", "-X": "X", "--request": "X",
                  "-H": "H", "--header": "H", "-d": "d", "--data": "d", "--connect-timeout": "ct"}
    i = 0
    while i < len(args):
        a = args[i]
        if a in with_value or (a[:2] in with_value and len(a) > 2 and not a.startswith("--")):
            key, val = (a, None) if a in with_value else (a[:2], a[2:])
            if val is None:
                if i + 1 >= len(args):
                    proc.stderr.write(f"curl: option {a}: requires parameter\n{_USAGE}")
                    return 2
                i += 1
                val = args[i]
            kind = with_value[key]
            if kind == "o":
                out_file = val
            elif kind == "m":
                max_time = float(val)
            elif kind == "X":
                method = val
            elif kind == "H":
                name, _, value = val.partition(":")
                headers.append((name.strip(), value.strip()))
            elif kind == "d":
                data = val
        elif a.startswith("--"):
            flag = {"--silent": "s", "--show-error": "S", "--head": "I", "--include": "i", "--fail": "f",
                    "--location": "L"}.get(a)
            if flag is None:
                proc.stderr.write(f"curl: option {a}: is unknown\n{_USAGE}")
                return 2
            silent |= flag == "s"
            show_error |= flag == "S"
            head |= flag == "I"
            include |= flag == "i"
            fail |= flag == "f"
            follow |= flag == "L"
        elif a.startswith("-") and len(a) > 1:
            for ch in a[1:]:
                if ch not in "sSIifLv":
                    proc.stderr.write(f"curl: option -{ch}: is unknown\n{_USAGE}")
                    return 2
            silent |= "s" in a
            show_error |= "S" in a
            head |= "I" in a
            include |= "i" in a
            fail |= "f" in a
            follow |= "L" in a
        else:
            urls.append(a)
        i += 1
    if not urls:
        proc.stderr.write(f"curl: no URL specified!\n{_USAGE}")
        return 2
    errors = not silent or show_error

    def error(code: int, msg: str) -> int:
        if errors:
            proc.stderr.write(f"curl: ({code}) {msg}\n")
        return code

    url = urls[0]
    if "://" not in url:
        url = "http://" + url
    scheme, _, rest = url.partition("://")
    if scheme.lower() != "http":
        return error(1, f'Protocol "{scheme}" not supported or disabled in libcurl')
    hostport = rest.split("/", 1)[0]
    host, _, port_s = hostport.rpartition(":") if ":" in hostport else (hostport, "", "80")
    port = int(port_s) if port_s.isdigit() else 80
    ctx = context_of(proc)
    ns = ctx.network if ctx is not None else None
    if ns is None:
        return error(6, f"Could not resolve host: {host}")
    from sandbox.network.http import HTTPProtocolError, http_request

    start = proc.now()
    try:
        resp = http_request(
            ns, url, method=method or ("HEAD" if head else ("POST" if data is not None else "GET")),
            headers=[("User-Agent", f"curl/{VERSION}"), ("Accept", "*/*"), *headers],
            body=data, timeout=max_time, follow_redirects=follow, max_redirects=50,
        )
    except socket.gaierror:
        return error(6, f"Could not resolve host: {host}")
    except ConnectionRefusedError:
        ms = int((proc.now() - start) * 1000)
        return error(7, f"Failed to connect to {host} port {port} after {ms} ms: Couldn't connect to server")
    except TimeoutError as e:
        ms = int((proc.now() - start) * 1000)
        if getattr(e, "headers_received", False) or getattr(e, "connected", False):
            return error(28, f"Operation timed out after {ms} milliseconds with 0 bytes received")
        return error(28, f"Failed to connect to {host} port {port} after {ms} ms: Timeout was reached")
    except ConnectionResetError:
        return error(56, "Recv failure: Connection reset by peer")
    except HTTPProtocolError:
        return error(52, "Empty reply from server")
    if fail and resp.status >= 400:
        return error(22, f"The requested URL returned error: {resp.status}")
    head_text = ""
    if head or include:
        lines = [f"HTTP/1.1 {resp.status} {resp.reason}"] + [f"{k}: {v}" for k, v in resp.headers.items()]
        head_text = "\r\n".join(lines) + "\r\n\r\n"
    body = b"" if head else resp.body
    payload = head_text.encode("latin-1") + body
    if out_file is not None and out_file != "-":
        try:
            proc.fs.write_bytes(out_file, payload)
        except OSError as e:
            return error(23, f"Failure writing output to destination ({e})")
        if not silent:
            proc.stderr.write(_progress(len(body)))
        return 0
    if not silent and out_file is not None:
        proc.stderr.write(_progress(len(body)))
    # the process streams carry text (a terminal decodes what curl writes)
    proc.stdout.write(payload.decode("utf-8", errors="replace"))
    return 0

