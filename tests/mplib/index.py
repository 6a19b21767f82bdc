"""A package index in micropython-lib's layout, built from the shared copy,
for testing mip against a local HTTP server (tests have no internet).

micropython-lib's own builder (tools/build.py) cannot run here: it imports
manifestfile and mpy_cross from the MicroPython repository, which neither
Debian 12 nor ../shared has. This writes the same layout, the source ("py")
form and, given px-mpy-cross, the precompiled form under our .mpy version
(as the builder does with mpy-cross: each .py compiled to a .mpy of the
same path, other files as they are):

    index.json                          {"v": 2, "packages": [...]}
    package/py/NAME/latest.json         {"v": 1, "version": ..., "hashes":
    package/py/NAME/VERSION.json          [[target path, short sha256], ...]}
    package/V/NAME/latest.json          the same with .mpy files (V: the
    package/V/NAME/VERSION.json           version `px-mpy-cross --version` says)
    file/HH/HASH                        each file, named by its short hash

A package's JSON lists its own files and those of every package it
requires, as the index does (require() puts them in the manifest).
"""
import concurrent.futures
import hashlib
import json
import os
import re
import subprocess
import tempfile

HASH_LEN = 8


def _write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"))


def _files(library, name, seen):
    """(source, target) of the package and of what it requires, once each."""
    if name in seen:
        return []
    seen.add(name)
    pkg = library.get(name)
    out = []
    for req, _ in pkg.requires:
        out += _files(library, req, seen)
    return out + pkg.files


def _store(out, data):
    """Put data under file/HH/HASH; its short hash."""
    short = hashlib.sha256(data).hexdigest()[:HASH_LEN]
    path = os.path.join(out, "file", short[:2], short)
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    return short


def mpy_version(mpy_cross):
    """The .mpy version px-mpy-cross writes, from its --version line."""
    out = subprocess.run([mpy_cross, "--version"], capture_output=True, text=True, check=True).stdout
    return re.search(r"emitting mpy v(\d+)", out).group(1)


def _compiled(mpy_cross, src, target, scratch):
    """(target path, bytes) of the file as the precompiled form has it."""
    if not target.endswith(".py"):
        with open(src, "rb") as f:
            return target, f.read()
    fd, dest = tempfile.mkstemp(suffix=".mpy", dir=scratch)
    os.close(fd)
    subprocess.run([mpy_cross, "-s", target, "-o", dest, src], check=True, capture_output=True)
    with open(dest, "rb") as f:
        return target[:-3] + ".mpy", f.read()


def _compile_all(library, mpy_cross, scratch):
    """Every file of every package in its precompiled form, by (source, target)."""
    pairs = {pair for name in library.names() for pair in library.get(name).files}
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        done = {pair: ex.submit(_compiled, mpy_cross, pair[0], pair[1], scratch) for pair in pairs}
        return {pair: f.result() for pair, f in done.items()}


def _form_json(out, form, name, version, files):
    by_target = {}
    for target, data in files:
        by_target[target] = _store(out, data)  # a later file of the same path wins
    hashes = sorted([t.replace(os.sep, "/"), h] for t, h in by_target.items())
    doc = {"v": 1, "version": version, "hashes": hashes}
    _write_json(os.path.join(out, "package", form, name, "latest.json"), doc)
    if version:
        _write_json(os.path.join(out, "package", form, name, version + ".json"), doc)


def build(library, out, mpy_cross=None):
    """Write the index of every package outside unix-ffi under out; with
    mpy_cross (px-mpy-cross's path), the precompiled form too."""
    packages = []
    form = mpy_version(mpy_cross) if mpy_cross else None
    with tempfile.TemporaryDirectory() as scratch:
        compiled = _compile_all(library, mpy_cross, scratch) if form else {}
        for name in library.names():
            pkg = library.get(name)
            version = pkg.metadata.get("version") or ""
            sources = _files(library, name, set())
            py = []
            for src, target in sources:
                with open(src, "rb") as f:
                    py.append((target, f.read()))
            _form_json(out, "py", name, version, py)
            versions = {"py": [version]}
            if form:
                _form_json(out, form, name, version, [compiled[pair] for pair in sources])
                versions[form] = [version]
            packages.append({"name": name, "version": version, "author": pkg.metadata.get("author") or "",
                             "description": pkg.metadata.get("description") or "",
                             "license": pkg.metadata.get("license") or "MIT", "versions": versions,
                             "path": os.path.relpath(pkg.dir, library.root)})
    _write_json(os.path.join(out, "index.json"), {"v": 2, "packages": packages})
