# Loopback pairs, checked with Debian's gpiod tools: an output is read on
# its partner (both ways), an undriven input reads its own bias, open drain
# drives only 0 and open source only 1, and AUX6 sees the kernel's AUX7.
command -v gpioset > /dev/null || { echo "gpiod tools not in the VM (apt-get install gpiod on the host)"; exit 77; }

# hold CHIP LINE=V [gpioset options]: keep an output driven in the background.
hold() {
    chip=$1 spec=$2
    shift 2
    gpioset -m signal "$@" "$chip" "$spec" &
    HOLDER=$!
    i=0
    until gpioinfo "$chip" | grep -q "line *${spec%=*}:.*\[used"; do
        i=$((i + 1))
        [ $i -gt 200 ] && { echo "gpioset never took $chip $spec"; exit 1; }
        sleep 0.05
    done
}
release() { kill "$HOLDER"; wait "$HOLDER" 2> /dev/null; }
get() { label=$1; shift; echo "$label $(gpioget "$@" 2>&1)"; }

hold gpiochip0 2=1; get "GPIO2=1 -> GPIO3" gpiochip0 3; release
hold gpiochip0 2=0; get "GPIO2=0 -> GPIO3" gpiochip0 3; release
hold gpiochip0 3=1; get "GPIO3=1 -> GPIO2" gpiochip0 2; release
hold gpiochip0 2=0; get "GPIO2=0 -> GPIO3 pull-up" -B pull-up gpiochip0 3; release
get "GPIO5 pull-up" -B pull-up gpiochip0 5
get "GPIO5 pull-down" -B pull-down gpiochip0 5
get "GPIO5 no bias" -B disable gpiochip0 5
hold gpiochip0 4=1 -D open-drain
get "GPIO4=1 open-drain -> GPIO5 pull-up" -B pull-up gpiochip0 5
get "GPIO4=1 open-drain -> GPIO5 pull-down" -B pull-down gpiochip0 5
release
hold gpiochip0 4=0 -D open-drain
get "GPIO4=0 open-drain -> GPIO5 pull-up" -B pull-up gpiochip0 5
release
hold gpiochip0 4=1 -D open-source
get "GPIO4=1 open-source -> GPIO5 pull-down" -B pull-down gpiochip0 5
release
hold gpiochip0 4=0 -D open-source
get "GPIO4=0 open-source -> GPIO5 pull-up" -B pull-up gpiochip0 5
get "GPIO4=0 open-source -> GPIO5 pull-down" -B pull-down gpiochip0 5
release
get "released GPIO4 -> GPIO5" gpiochip0 5
get "AUX7 (kernel, high) -> AUX6" gpiochip1 6
get "AUX7 request:" gpiochip1 7
