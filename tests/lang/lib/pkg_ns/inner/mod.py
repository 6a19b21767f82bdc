# helper: a module inside namespace packages (no __init__.py)
z = "namespace z"
