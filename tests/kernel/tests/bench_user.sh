# $AS_USER runs a command as the unprivileged user `tester` (uid 1000), our
# binary included, and the GPIO character devices are root's only, as on a
# stock system: what permission tests build on.
$AS_USER id -u
$AS_USER id -g
$AS_USER "$MPY" -c 'print("micropython runs as tester")'
ls -l /dev/gpiochip0 | cut -c1-10
$AS_USER cat /dev/gpiochip0 2>&1 || echo "exit status $?"
