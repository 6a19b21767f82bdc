# helper for lang2_module_main: reports its own __name__
print("lang2_modmain top level, __name__ =", __name__)
if __name__ == "__main__":
    print("never: imported, not run")
runs = 1
