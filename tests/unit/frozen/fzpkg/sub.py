# A submodule of the frozen package fzpkg.
def double(x):
    return 2 * x
