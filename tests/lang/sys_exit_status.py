# an uncaught SystemExit ends the program with its code; nothing after runs
import sys
print("before")
sys.stdout.flush()
sys.exit(3)
print("not printed")
