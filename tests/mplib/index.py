"""A package index in micropython-lib's layout, built from the shared copy,
for testing mip against a local HTTP server (tests have no internet).

micropython-lib's own builder (tools/build.py) cannot run here: it imports
manifestfile and mpy_cross from the MicroPython repository, which neither
Debian 12 nor ../shared has. This writes the same layout for the source
("py") form, which is what our mip asks for:

    index.json                          {"v": 2, "packages": [...]}
    package/py/NAME/latest.json         {"v": 1, "version": ..., "hashes":
    package/py/NAME/VERSION.json          [[target path, short sha256], ...]}
    file/HH/HASH                        each file, named by its short hash

A package's JSON lists its own files and those of every package it
requires, as the index does (require() puts them in the manifest).
"""
import hashlib
import json
import os

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


def build(library, out):
    """Write the index of every package outside unix-ffi under out."""
    packages = []
    for name in library.names():
        pkg = library.get(name)
        version = pkg.metadata.get("version") or ""
        hashes = []
        by_target = {}
        for src, target in _files(library, name, set()):
            with open(src, "rb") as f:
                data = f.read()
            short = hashlib.sha256(data).hexdigest()[:HASH_LEN]
            path = os.path.join(out, "file", short[:2], short)
            if not os.path.exists(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
            by_target[target] = short  # a later file of the same path wins
        hashes = sorted([t.replace(os.sep, "/"), h] for t, h in by_target.items())
        doc = {"v": 1, "version": version, "hashes": hashes}
        _write_json(os.path.join(out, "package", "py", name, "latest.json"), doc)
        if version:
            _write_json(os.path.join(out, "package", "py", name, version + ".json"), doc)
        packages.append({"name": name, "version": version, "author": pkg.metadata.get("author") or "",
                         "description": pkg.metadata.get("description") or "",
                         "license": pkg.metadata.get("license") or "MIT", "versions": {"py": [version]},
                         "path": os.path.relpath(pkg.dir, library.root)})
    _write_json(os.path.join(out, "index.json"), {"v": 2, "packages": packages})
