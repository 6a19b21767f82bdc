# mip, "mip installs packages": the package installer the MicroPython docs
# describe under "Package management", written here from that description
# and from micropython-lib's index layout:
#
#   INDEX/package/py/NAME/VERSION.json   {"v": 1, "version": ..., "hashes":
#                                          [[path, short sha256], ...],
#                                          "urls": [[path, url], ...],
#                                          "deps": [[name, version], ...]}
#   INDEX/file/HH/HASH                   a file's bytes, by its short hash
#
# A package's files go under the target directory (the first sys.path
# entry ending in /lib unless given), each written to a temporary name and
# renamed into place, so an interrupted install never leaves a half file.
# With mpy=True (the default) mip asks for the precompiled form first, as
# micropython-lib's index names it: INDEX/package/V/NAME/VERSION.json, V the
# .mpy version this interpreter reads (sys.implementation._mpy & 0xFF; ours,
# not MicroPython's, docs/mpy.md), whose files are .mpy made by
# px-mpy-cross. An index without that form (micropython.org has only
# MicroPython's versions) gets the source ("py") form instead; mpy=False
# (--no-mpy) asks for the source only.
import json
import os
import socket
import sys

_INDEX = "https://micropython.org/pi/v2"
_CHUNK = 4096
_TIMEOUT = 30


class _NotFound(OSError):
    """The index has no such package (or version, or form)."""


class _HTTPError(OSError):
    """An HTTP status other than 200; .status is the code."""

    def __init__(self, status, url):
        super().__init__(f"HTTP {status} for {url}")
        self.status = status


def _parse_url(url):
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        raise ValueError(f"mip: unsupported URL {url!r} (http://, https://, github: or gitlab:)")
    hostport, _, path = rest.partition("/")
    port = 443 if scheme == "https" else 80
    host = hostport
    if hostport.startswith("["):  # [v6 address]:port
        end = hostport.find("]")
        host = hostport[1:end]
        if hostport[end + 1 : end + 2] == ":":
            port = int(hostport[end + 2 :])
    elif ":" in hostport:
        host, _, p = hostport.partition(":")
        port = int(p)
    return scheme, host, port, "/" + path


def _read_line(s):
    line = s.readline()
    if not line:
        raise OSError("mip: connection closed in the HTTP headers")
    return line


def _get(url, redirects=5):
    """GET url over HTTP/1.0; returns the connected stream positioned at the
    body, and the body's length (None: until the server closes)."""
    scheme, host, port, path = _parse_url(url)
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], socket.SOCK_STREAM)
    try:
        s.settimeout(_TIMEOUT)
        s.connect(ai[-1])
        if scheme == "https":
            import ssl

            s = ssl.create_default_context().wrap_socket(s, server_hostname=host)
        hosthdr = host if ":" not in host else "[" + host + "]"
        s.write(f"GET {path} HTTP/1.0\r\nHost: {hosthdr}\r\nUser-Agent: micropython-mip\r\n\r\n".encode())
        status_line = _read_line(s).split(None, 2)
        if len(status_line) < 2 or not status_line[0].startswith(b"HTTP/"):
            raise OSError(f"mip: not an HTTP response from {url}")
        status = int(status_line[1])
        length = None
        location = None
        while True:
            line = _read_line(s)
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value.strip())
            elif name == "location":
                location = value.strip()
        if status in (301, 302, 303, 307, 308) and location:
            s.close()
            if redirects == 0:
                raise OSError(f"mip: too many redirects at {url}")
            if location.startswith("/"):
                location = f"{scheme}://{host}:{port}{location}"
            return _get(location, redirects - 1)
        if status != 200:
            raise _HTTPError(status, url)
        return s, length
    except BaseException:
        s.close()
        raise


def _fetch(url):
    """The whole body of url as bytes."""
    s, length = _get(url)
    try:
        parts = []
        got = 0
        while length is None or got < length:
            b = s.read(_CHUNK if length is None else min(_CHUNK, length - got))
            if not b:
                break
            parts.append(b)
            got += len(b)
        if length is not None and got < length:
            raise OSError(f"mip: {url} ended after {got} of {length} bytes")
        return b"".join(parts)
    finally:
        s.close()


def _makedirs(path):
    """Create the missing folders above the file path."""
    d = None
    for part in path.split("/")[:-1]:
        d = part if d is None else d + "/" + part
        if d and not _exists(d):
            os.mkdir(d)


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def _save(dest, data):
    """Write data to dest through a temporary file renamed into place."""
    _makedirs(dest)
    tmp = dest + ".mip-part"
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, dest)


def _sha256_prefix(path, n):
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(_CHUNK)
            if not b:
                break
            h.update(b)
    return h.hexdigest()[:n]


def _rewrite(url, branch=None):
    """github:org/repo/path and gitlab:org/repo/path as raw-file URLs."""
    for prefix, fmt in (
        ("github:", "https://raw.githubusercontent.com/{}/{}/{}/{}"),
        ("gitlab:", "https://gitlab.com/{}/{}/-/raw/{}/{}"),
    ):
        if url.startswith(prefix):
            parts = url[len(prefix) :].split("/", 2)
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise ValueError(f"mip: {url!r} must be {prefix}org/repo[/path]")
            return fmt.format(parts[0], parts[1], branch or "HEAD", parts[2] if len(parts) > 2 else "")
    return url


def _is_url(name):
    return name.startswith(("http://", "https://", "github:", "gitlab:"))


def _package_json(url):
    try:
        return json.loads(_fetch(url).decode())
    except _HTTPError as e:
        if e.status == 404:
            raise _NotFound(f"mip: package not found: {url}") from None
        raise


def _install_json(url, index, target, seen, mpy, package=None):
    if package is None:
        package = _package_json(url)
    base = url.rsplit("/", 1)[0]
    for path, short in package.get("hashes", ()):
        dest = target + "/" + path
        if _exists(dest) and _sha256_prefix(dest, len(short)) == short:
            print("Exists:", path)
            continue
        print("Copying:", path)
        _save(dest, _fetch(f"{index}/file/{short[:2]}/{short}"))
    for path, src in package.get("urls", ()):
        if not _is_url(src):
            src = base + "/" + src
        print("Copying:", path)
        _save(target + "/" + path, _fetch(_rewrite(src)))
    for name, version in package.get("deps", ()):
        _install(name, index, target, None if version == "latest" else version, seen, mpy)


def _install(name, index, target, version, seen, mpy):
    key = (name, version)
    if key in seen:
        return
    seen.add(key)
    if _is_url(name):
        url = _rewrite(name, version)
        if url.endswith((".py", ".mpy")):
            print("Downloading", url, "to", target)
            _save(target + "/" + url.rsplit("/", 1)[1], _fetch(url))
            return
        if not url.endswith(".json"):
            url = url.rstrip("/") + "/package.json"
        print("Installing", name, "from", url, "to", target)
        _install_json(url, index, target, seen, mpy)
        return
    print(f"Installing {name} ({version or 'latest'}) from {index} to {target}")
    forms = ["py"]
    if mpy:
        forms.insert(0, str(sys.implementation._mpy & 0xFF))
    for form in forms:
        url = f"{index}/package/{form}/{name}/{version or 'latest'}.json"
        try:
            package = _package_json(url)
            break
        except _NotFound:
            if form == "py":
                raise
            print(f"No .mpy form (version {form}) of {name}: installing its source")
    _install_json(url, index, target, seen, mpy, package)


def _default_target():
    for p in sys.path:
        if p.endswith("/lib"):
            return p
    raise ValueError("mip: no sys.path entry ends in /lib: give target=")


def install(package, index=None, target=None, version=None, mpy=True):
    """Install package (a micropython-lib name, or a URL, github: or gitlab:
    address) with its dependencies into target. Raises OSError or
    ValueError when it cannot; files already installed stay."""
    if not isinstance(package, str) or not package:
        raise TypeError("mip: package must be a non-empty str")
    index = (index or _INDEX).rstrip("/")
    target = (target or _default_target()).rstrip("/") or "/"
    _install(package, index, target, version, set(), mpy)
    print("Done")
