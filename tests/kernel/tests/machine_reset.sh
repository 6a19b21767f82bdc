# reset(), soft_reset() and deepsleep() start the program again, same
# command line and directory, as a new run whose reset_cause() says how:
# soft_reset() first ends the program as SystemExit does (finally blocks
# run), reset() at once; a caught soft_reset() SystemExit starts nothing.
mkdir -p /tmp/rs && cd /tmp/rs
cat > prog.py <<'P'
import machine, os
c = machine.reset_cause()
print("run", c, os.getcwd(), os.getenv("MICROPYTHON_RESET_CAUSE"))
if c == machine.PWRON_RESET:
    os.chdir("/")
    try:
        machine.soft_reset()
    finally:
        print("finally")
elif c == machine.SOFT_RESET:
    machine.deepsleep(50)
elif c == machine.DEEPSLEEP_RESET:
    machine.reset()
    print("not reached")
else:
    print("hard reset:", c == machine.HARD_RESET)
    try:
        machine.soft_reset()
    except SystemExit:
        print("caught: no restart")
P
"$MPY" prog.py
echo "exit status $?"
cd / && rm -r /tmp/rs
