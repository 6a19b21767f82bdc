# Edge events through the GPIO character device (Debian's gpiomon, uAPI v1):
# GPIO8 toggled 20 times through sysfs gives GPIO9's reader 40 events
# labelled rising/falling in order, or 20 of one kind with one edge asked.
command -v gpiomon > /dev/null || { echo "gpiod tools not in the VM (apt-get install gpiod on the host)"; exit 77; }
for c in /sys/class/gpio/gpiochip*; do
    [ "$(cat "$c/label")" = px-gpio-loop0 ] && base=$(cat "$c/base")
done
echo $((base + 8)) > /sys/class/gpio/export   # appears as GPIO8
echo low > /sys/class/gpio/GPIO8/direction
v=/sys/class/gpio/GPIO8/value

# watch NAME N [gpiomon options]: N events on GPIO9 while GPIO8 toggles.
watch() {
    name=$1 n=$2
    shift 2
    timeout 30 gpiomon -n "$n" -F '%e' "$@" gpiochip0 9 > /tmp/events &
    mon=$!
    i=0
    until gpioinfo gpiochip0 | grep -q 'line *9:.*\[used'; do
        i=$((i + 1))
        [ $i -gt 200 ] && { echo "gpiomon never took GPIO9"; exit 1; }
        sleep 0.05
    done
    i=0
    while [ $i -lt 20 ]; do
        echo 1 > $v; echo 0 > $v
        sleep 0.01   # gpiomon's v1 event FIFO holds 16: let it read
        i=$((i + 1))
    done
    wait $mon
    echo "$name: $(tr -d '\n' < /tmp/events)"
}
watch both 40
watch rising 20 -r
watch falling 20 -f
echo $((base + 8)) > /sys/class/gpio/unexport
