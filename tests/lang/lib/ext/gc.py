# gc is not an extensible module: this file must never be imported.
raise RuntimeError("lib/ext/gc.py was imported instead of the built-in gc")
