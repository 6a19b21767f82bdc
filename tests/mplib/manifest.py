"""Reading micropython-lib's package manifests, as the MicroPython docs
("MicroPython manifest files") define them: a manifest.py is Python that
calls metadata(), module(), package() and require(). Used by the mplib
suite to install a package with what it requires into a lib directory.

Written here from the documented API; nothing of MicroPython's own tools.
"""
import glob
import os
import shutil

# Where micropython-lib keeps its packages, in the order require() searches.
LIBRARY_DIRS = ["micropython", "python-stdlib", "python-ecosys"]


class ManifestError(Exception):
    pass


class Package:
    """One manifest: its metadata and the files it installs, as
    (source path, target path relative to the lib directory)."""

    def __init__(self, root, path):
        self.root = root
        self.dir = os.path.dirname(path)
        self.name = os.path.basename(self.dir)
        self.metadata = {}
        self.files = []
        self.requires = []  # (name, unix_ffi)
        g = {
            "metadata": self._metadata,
            "module": self._module,
            "package": self._package,
            "require": self._require,
            "include": self._include,
            "options": _Options(),
        }
        self._run(path, g)

    def _run(self, path, g):
        with open(path, encoding="utf-8") as f:
            code = compile(f.read(), path, "exec")
        exec(code, g)

    def _metadata(self, description=None, version=None, license=None, author=None, **extra):
        self.metadata.update(description=description, version=version, license=license, author=author)

    def _base(self, base_path):
        return os.path.normpath(os.path.join(self.dir, base_path))

    def _module(self, module_path, base_path=".", opt=None):
        src = os.path.join(self._base(base_path), module_path)
        if not os.path.isfile(src):
            raise ManifestError(f"{self.name}: module {module_path} not found at {src}")
        self.files.append((src, module_path))

    def _package(self, package_path, files=None, base_path=".", opt=None):
        base = self._base(base_path)
        top = os.path.join(base, package_path)
        if files is None:
            found = sorted(glob.glob(os.path.join(top, "**", "*.py"), recursive=True))
            files = [os.path.relpath(p, top) for p in found]
        for rel in files:
            self.files.append((os.path.join(top, rel), os.path.join(package_path, rel)))

    def _require(self, name, library=None, unix_ffi=False, **extra):
        self.requires.append((name, unix_ffi))

    def _include(self, manifest_path):
        paths = [manifest_path] if isinstance(manifest_path, str) else list(manifest_path)
        for p in paths:
            p = os.path.join(self.dir, p)
            if os.path.isdir(p):
                p = os.path.join(p, "manifest.py")
            self._run(p, {"metadata": self._metadata, "module": self._module, "package": self._package,
                          "require": self._require, "include": self._include, "options": _Options()})

    def modules(self):
        """The importable names this package itself installs (not its
        requirements): top-level modules and packages, and modules in
        folders without an __init__.py."""
        names = set()
        for _, target in self.files:
            parts = target[:-3].split(os.sep)
            if parts[-1] == "__main__":
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.add(".".join(parts[:1]) if len(parts) > 1 and self._is_package(parts[0]) else ".".join(parts))
        return sorted(names)

    def _is_package(self, top):
        return any(t == os.path.join(top, "__init__.py") for _, t in self.files)


class _Options:
    """manifest `options`: any option not given is None."""

    def __getattr__(self, name):
        return None

    def defaults(self, **kw):
        for k, v in kw.items():
            self.__dict__.setdefault(k, v)


class Library:
    """All manifests of a micropython-lib checkout, by package name."""

    def __init__(self, root):
        self.root = root
        self.paths = {}
        for d in LIBRARY_DIRS + ["unix-ffi"]:
            for path in sorted(glob.glob(os.path.join(root, d, "**", "manifest.py"), recursive=True)):
                name = os.path.basename(os.path.dirname(path))
                self.paths.setdefault((name, d == "unix-ffi"), path)
        self._cache = {}

    def names(self):
        """The packages outside unix-ffi (which needs a C FFI)."""
        return sorted(name for name, ffi in self.paths if not ffi)

    def get(self, name, unix_ffi=False):
        key = (name, unix_ffi)
        if key not in self.paths:
            key = (name, not unix_ffi)
        if key not in self.paths:
            raise ManifestError(f"no package named {name}")
        if key not in self._cache:
            self._cache[key] = Package(self.root, self.paths[key])
        return self._cache[key]

    def install(self, name, lib_dir, unix_ffi=False, seen=None):
        """Copy the package and, first, what it requires into lib_dir (a
        package required twice is installed once; a later file of the same
        path replaces an earlier one, as installing in order would)."""
        seen = set() if seen is None else seen
        if (name, unix_ffi) in seen:
            return
        seen.add((name, unix_ffi))
        pkg = self.get(name, unix_ffi)
        for req, ffi in pkg.requires:
            self.install(req, lib_dir, ffi, seen)
        for src, target in pkg.files:
            dest = os.path.join(lib_dir, target)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(src, dest)
