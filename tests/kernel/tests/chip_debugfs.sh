# The kernel's own view of the chips (debugfs): both registered under our
# labels, able to sleep, and the kernel-held AUX7 listed with its consumer.
# GPIO numbers are dynamic (they differ between kernels): masked.
sed -En '/px-gpio-loop|spi0 CS0/{s/GPIOs [0-9]+-[0-9]+/GPIOs N-M/; s/gpio-[0-9]+/gpio-N/; p}' /sys/kernel/debug/gpio
for c in /sys/bus/gpio/devices/gpiochip*; do echo "${c##*/}"; done
