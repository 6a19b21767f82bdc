# The module unloads cleanly, with lines and interrupts used before, and
# loads again to the same chips (the tests after this one use the reload).
command -v gpiomon > /dev/null || { echo "gpiod tools not in the VM (apt-get install gpiod on the host)"; exit 77; }
timeout 10 gpiomon -n 1 gpiochip1 1 > /dev/null &
mon=$!
i=0
until gpioinfo gpiochip1 | grep -q 'line *1:.*\[used'; do
    i=$((i + 1))
    [ $i -gt 200 ] && { echo "gpiomon never took AUX1"; exit 1; }
    sleep 0.05
done
gpioset gpiochip1 0=1
wait $mon
echo "edge seen: $?"
rmmod px_gpio_loop && echo unloaded
ls /dev/gpiochip* 2> /dev/null
insmod /modules/px_gpio_loop.ko && echo loaded
gpiodetect
gpioget gpiochip1 6
