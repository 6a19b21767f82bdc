# sys.exit() and sys.exit(None) exit with status 0
import sys
print("one")
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.args)
sys.exit(None)
print("not printed")
