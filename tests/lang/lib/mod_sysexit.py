# helper: module whose import raises SystemExit
import sys
sys.exit(7)
