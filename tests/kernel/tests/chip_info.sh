# The loopback module's chips as userspace discovers them: device numbers,
# labels, line counts, line names, and AUX7 held by the kernel as "spi0 CS0"
# (Debian's gpiod tools, uAPI v1; the bench's check of the chip without machine.Pin).
command -v gpiodetect > /dev/null || { echo "gpiod tools not in the VM (apt-get install gpiod on the host)"; exit 77; }
gpiodetect
gpioinfo px-gpio-loop1
gpioinfo gpiochip0 | head -4
gpiofind GPIO17
gpiofind AUX3
