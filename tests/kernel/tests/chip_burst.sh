# Edge interrupts under a burst: 1000 toggles of GPIO6 written through
# sysfs raise exactly 1000 interrupts on its partner GPIO7 when both edges
# are wanted and 500 for one edge (as the kernel counts them in
# /proc/interrupts), and GPIO7 then reads the last value written.
for c in /sys/class/gpio/gpiochip*; do
    [ "$(cat "$c/label")" = px-gpio-loop0 ] && base=$(cat "$c/base")
done
# Exported lines appear under their line names.
echo $((base + 6)) > /sys/class/gpio/export
echo $((base + 7)) > /sys/class/gpio/export
out=/sys/class/gpio/GPIO6 in=/sys/class/gpio/GPIO7
echo low > $out/direction
echo in > $in/direction
v=$out/value

# Interrupts taken by GPIO7 so far (summed over CPUs).
count() {
    awk '{ for (i = 3; i < NF; i++) if ($i == "px-gpio-loop0" && $(i + 1) == "7") {
             n = 0; for (j = 2; j < i; j++) n += $j; print n } }' /proc/interrupts
}
burst() {
    i=0
    while [ $i -lt "$1" ]; do echo 1 > $v; echo 0 > $v; i=$((i + 1)); done
}
for edge in both rising falling; do
    echo $edge > $in/edge
    before=$(count)
    burst 500
    echo "$edge: $(($(count) - before)) interrupts"
done
echo 1 > $v
echo "GPIO7 reads $(cat $in/value)"
echo none > $in/edge
echo $((base + 7)) > /sys/class/gpio/unexport
echo $((base + 6)) > /sys/class/gpio/unexport
