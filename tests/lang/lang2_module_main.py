# __name__ is "__main__" for the script and the module name for imports.
import sys
sys.path.insert(0, sys.path[0] + "/lib")

print(__name__)
if __name__ == "__main__":
    print("running as script")

import lang2_modmain
print(lang2_modmain.__name__, lang2_modmain.runs)

# top level runs once however often and wherever it is imported
def imp_in_function():
    import lang2_modmain
    return lang2_modmain.runs
print(imp_in_function())
import lang2_modmain as again
print(again is lang2_modmain, sys.modules["lang2_modmain"] is lang2_modmain)
print("lang2_modmain" in dir() and "again" in dir())
print(sys.modules["__main__"].__name__)
print(type(sys.modules["__main__"]).__name__, type(sys).__name__)
