#!/bin/bash
# The boot tests, inside the VM (PID 1 is systemd): install the package into
# this fresh bookworm tree, use it, and run scripts as services. Each test
# prints "@@SV ok NAME" or "@@SV FAIL NAME" with detail lines "@@SV | ...";
# "@@SV-DONE" at the end. Every wait has a time limit.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C
out=/tmp/px-out
failed=0

emit() { sed 's/^/@@SV | /' "$1"; }
pass() { echo "@@SV ok $1"; }
fail() { echo "@@SV FAIL $1"; [ -s "$out" ] && emit "$out"; failed=1; }
# run NAME COMMAND...: the command's output in $out; ok if it succeeds
run() { local name=$1; shift; if "$@" >"$out" 2>&1; then pass "$name"; else echo "exit status $?" >>"$out"; fail "$name"; fi; }

# wait_for SECONDS COMMAND...: until the command succeeds
wait_for() {
    local n=$(( $1 * 5 )); shift
    while ! "$@" >/dev/null 2>&1; do
        n=$((n - 1)); [ $n -le 0 ] && return 1
        sleep 0.2
    done
}

echo "@@SV-BOOTED $(uname -r) $(systemctl --version | head -1)"

t_install() {
    dpkg -i /px/micropython-px_*.deb || return 1
    dpkg -s micropython-px | grep -q '^Status: install ok installed'
}
run install t_install

t_command() {
    [ "$(micropython -c 'print(6 * 7)')" = 42 ] || { echo "micropython -c failed"; return 1; }
    printf '#!/usr/bin/micropython\nimport sys\nprint("shebang", sys.argv[1:])\n' >/tmp/sb.py
    chmod +x /tmp/sb.py
    local got; got=$(/tmp/sb.py a b)
    [ "$got" = "shebang ['a', 'b']" ] || { echo "shebang script printed: $got"; return 1; }
}
run command t_command

t_manpage() {
    local p; p=$(man -w micropython) || return 1
    [ "$p" = /usr/share/man/man1/micropython.1.gz ] || { echo "man -w: $p"; return 1; }
}
run man_page t_manpage

t_groups() {
    getent group gpio && getent group i2c && getent group spi
}
run groups t_groups

t_paths() {
    [ -d /usr/lib/micropython ] && [ -d /etc/micropython ] &&
    [ -f /lib/udev/rules.d/60-micropython.rules ] && [ -f /usr/lib/sysusers.d/micropython.conf ] &&
    micropython -c 'import sys; print(sys.path)' | grep -q "'/usr/lib/micropython'"
}
run paths t_paths

install -m 644 /px/demo.py /etc/micropython/demo.py
install -m 644 /px/hang.py /etc/micropython/hang.py
mkdir -p /etc/systemd/system/micropython@hang.service.d /etc/systemd/system/micropython@demo.service.d
install -m 644 /px/hang.conf /etc/systemd/system/micropython@hang.service.d/test.conf
install -m 644 /px/ended.conf /etc/systemd/system/micropython@demo.service.d/ended.conf
install -m 644 /px/ended.conf /etc/systemd/system/micropython@hang.service.d/ended.conf
systemctl daemon-reload

t_verify() {
    # no complaint at all, not just a zero status
    local o rc; o=$(systemd-analyze verify micropython@demo.service 2>&1); rc=$?
    echo "$o"
    [ $rc = 0 ] && [ -z "$o" ]
}
run verify t_verify

show() { systemctl show -p "$2" --value "micropython@$1.service"; }

t_start() {
    timeout 60 systemctl start micropython@demo || { systemctl status micropython@demo --no-pager; return 1; }
    local state; state="$(show demo ActiveState)/$(show demo SubState)"
    [ "$state" = active/running ] || { echo "state $state"; return 1; }
    wait_for 10 sh -c 'systemctl show -p StatusText --value micropython@demo | grep -q "^tick [0-9]"' ||
        { echo "StatusText: $(show demo StatusText)"; return 1; }
    local uid; uid=$(awk '/^Uid:/ {print $2}' "/proc/$(show demo MainPID)/status")
    echo "$state, StatusText=$(show demo StatusText), DynamicUser=$(show demo DynamicUser), uid $uid"
    [ "$(show demo DynamicUser)" = yes ] && [ -n "$uid" ] && [ "$uid" != 0 ]
}
run start_active_running t_start

t_journal() {
    wait_for 10 sh -c 'journalctl -u micropython@demo -o cat | grep -q "demo: started"' || return 1
    journalctl -u micropython@demo -p err -o cat >/tmp/err.log
    grep -q '^demo: an error line$' /tmp/err.log || { echo "not at priority err:"; cat /tmp/err.log; return 1; }
    ! grep -q 'demo: started' /tmp/err.log || { echo "stdout at priority err"; return 1; }
}
run journal_priorities t_journal

# how the last run of micropython@NAME ended, as systemd saw it (written
# by the drop-in's ExecStopPost: SERVICE_RESULT EXIT_CODE EXIT_STATUS);
# the unit itself may be unloaded once it is inactive
ended() { cat "/run/px-ended-$1" 2>/dev/null; }

t_stop() {
    local t0 t1 ms; t0=$(date +%s%N)
    timeout 60 systemctl stop micropython@demo || return 1
    t1=$(date +%s%N); ms=$(( (t1 - t0) / 1000000 ))
    echo "stop took $ms ms; ended: $(ended demo); is-failed: $(systemctl is-failed micropython@demo)"
    journalctl -u micropython@demo -o short-monotonic | tail -6
    [ "$(ended demo)" = "success killed TERM" ] || return 1
    [ "$(systemctl is-failed micropython@demo)" = inactive ] || return 1
    [ $ms -lt 5000 ] || return 1
    journalctl -u micropython@demo -o cat | grep -q '^demo: stopped after [0-9]* ticks$' ||
        { echo "no clean-up line in the journal"; return 1; }
}
run stop_clean t_stop

t_watchdog() {
    timeout 60 systemctl start micropython@hang || { systemctl status micropython@hang --no-pager; return 1; }
    # the watchdog (2 s) fires about 2 s after the last ping; the restart
    # comes 3 s later: Result=watchdog meanwhile, then NRestarts=1 and the
    # second run stays up (guest/hang.py)
    local seen="" n=0
    while [ $n -lt 150 ]; do
        [ "$(show hang Result)" = watchdog ] && seen=yes
        [ "$(show hang NRestarts)" -ge 1 ] && [ "$(show hang ActiveState)" = active ] && break
        sleep 0.2; n=$((n + 1))
    done
    echo "Result=watchdog seen: ${seen:-no}; NRestarts=$(show hang NRestarts); $(show hang ActiveState)"
    journalctl -u micropython@hang -o cat | grep -E "atchdog|result|hang:" | head -8
    [ -n "$seen" ] && [ "$(show hang NRestarts)" -ge 1 ] && [ "$(show hang ActiveState)" = active ] || return 1
    journalctl -u micropython@hang -o cat | grep -q "Failed with result 'watchdog'" || return 1
    timeout 60 systemctl stop micropython@hang || return 1
    echo "stopped: $(ended hang); is-failed: $(systemctl is-failed micropython@hang)"
    [ "$(ended hang)" = "success killed TERM" ] && [ "$(systemctl is-failed micropython@hang)" = inactive ]
}
run watchdog_restart t_watchdog

# A script that does its work and ends: its start succeeds (READY=1 when
# it ends with status 0) and it ends as a success, not restarted.
t_once() {
    printf 'print("once: done")\n' >/etc/micropython/once.py
    mkdir -p /etc/systemd/system/micropython@once.service.d
    install -m 644 /px/ended.conf /etc/systemd/system/micropython@once.service.d/ended.conf
    systemctl daemon-reload
    timeout 60 systemctl start micropython@once || { systemctl status micropython@once --no-pager; return 1; }
    wait_for 10 test -s /run/px-ended-once || return 1
    echo "ended: $(ended once); NRestarts=$(show once NRestarts)"
    journalctl -u micropython@once -o cat | grep -E "once|result"
    [ "$(ended once)" = "success exited 0" ] && [ "$(show once NRestarts)" = 0 ] &&
        journalctl -u micropython@once -o cat | grep -qx "once: done"
}
run script_that_ends t_once

# the same script leaving readiness to itself and never sending it: the
# failure the automatic READY=1 at the end avoids (no restart for the test)
t_once_unready() {
    printf 'import systemd\nsystemd.auto_ready(False)\nprint("unready: done")\n' >/etc/micropython/unready.py
    mkdir -p /etc/systemd/system/micropython@unready.service.d
    install -m 644 /px/ended.conf /etc/systemd/system/micropython@unready.service.d/ended.conf
    printf '[Service]\nRestart=no\n' >/etc/systemd/system/micropython@unready.service.d/norestart.conf
    systemctl daemon-reload
    if timeout 60 systemctl start micropython@unready; then echo "the start succeeded"; return 1; fi
    wait_for 10 test -s /run/px-ended-unready || return 1
    echo "ended: $(ended unready)"
    [ "$(ended unready)" = "protocol exited 0" ]
}
run script_that_ends_unready t_once_unready

# Socket activation with a real socket unit: systemd listens, the first
# connection starts the service, which takes the socket from
# systemd.listen_fds() and answers on it (guest/echo.py).
t_socket() {
    install -m 644 /px/echo.py /etc/micropython/echo.py
    install -m 644 /px/micropython@echo.socket /etc/systemd/system/micropython@echo.socket
    mkdir -p /etc/systemd/system/micropython@echo.service.d
    install -m 644 /px/ended.conf /etc/systemd/system/micropython@echo.service.d/ended.conf
    systemctl daemon-reload
    timeout 60 systemctl start micropython@echo.socket || { systemctl status micropython@echo.socket --no-pager; return 1; }
    echo "before: socket $(systemctl is-active micropython@echo.socket), service $(show echo ActiveState)"
    [ "$(show echo ActiveState)" = inactive ] || return 1
    local ask='import socket
c = socket.socket()
c.settimeout(30)
c.connect(("127.0.0.1", 7070))
c.sendall(b"%s")
print(c.recv(64).decode())'
    local a b
    a=$(printf "$ask" one | timeout 60 micropython) || { journalctl -u micropython@echo -o cat; return 1; }
    b=$(printf "$ask" two | timeout 60 micropython) || return 1
    echo "replies: $a / $b; service $(show echo ActiveState)/$(show echo SubState), status: $(show echo StatusText)"
    [ "$a" = "echo: one" ] && [ "$b" = "echo: two" ] || { journalctl -u micropython@echo -o cat; return 1; }
    [ "$(show echo ActiveState)/$(show echo SubState)" = active/running ] || return 1
    [ "$(show echo StatusText)" = "serving echo-port" ] || return 1
    timeout 60 systemctl stop micropython@echo.socket micropython@echo.service || return 1
    echo "stopped: $(ended echo)"
    [ "$(ended echo)" = "success killed TERM" ]
}
run socket_activation t_socket

# The kernel bench's devices (tests/kernel/README.md): a loopback GPIO chip
# (GPIO26 wired to GPIO27, GPIO16 to GPIO17), the I2C adapter px-i2c-sim
# (through the kernel's i2c-dev), an SPI controller with MOSI wired to MISO
# (spidev0.0), PWM chips. The udev rules must give each to its group.
t_udev() {
    [ -f /px/i2c-dev.ko ] || { echo "no i2c-dev.ko: the kernel bench could not fetch the kernel's modules"; return 1; }
    for m in i2c-dev px_gpio_loop px_i2c_sim px_spi_loop px_pwm_sim; do
        insmod "/px/$m.ko" || { echo "insmod $m failed"; return 1; }
    done
    udevadm settle --timeout=30
    local i2c pwm f m ok=0
    i2c=$(grep -lx px-i2c-sim /sys/class/i2c-dev/i2c-*/name | head -1)
    i2c=/dev/$(basename "$(dirname "$i2c")")
    for c in /sys/class/pwm/pwmchip*; do
        [ "$(basename "$(readlink -f "$c/device")")" = px-pwm-sim.1 ] && pwm=$c
    done
    for f in /dev/gpiochip0:"gpio 660" "$i2c":"i2c 660" /dev/spidev0.0:"spi 660" \
             "$pwm/export":"gpio 220" "$pwm/unexport":"gpio 220"; do
        m=$(stat -c '%G %a' "${f%%:*}") || { ok=1; continue; }
        echo "${f%%:*}: $m"
        [ "$m" = "${f#*:}" ] || ok=1
    done
    [ $ok = 0 ] || journalctl -u systemd-udevd -o cat | tail -20
    return $ok
}
run udev_device_groups t_udev

# I2C, SPI and PWM from a service: its dynamic user reaches the devices
# through the unit's groups and device policy (char-i2c, char-spi), and
# /sys stays writable for PWM (no ProtectKernelTunables=); a channel's
# files are the gpio group's once udev has seen the export.
t_devices() {
    install -m 644 /px/devices.py /etc/micropython/devices.py
    mkdir -p /etc/systemd/system/micropython@devices.service.d
    install -m 644 /px/ended.conf /etc/systemd/system/micropython@devices.service.d/ended.conf
    systemctl daemon-reload
    timeout 60 systemctl start micropython@devices ||
        { systemctl status micropython@devices --no-pager; journalctl -u micropython@devices -o cat; return 1; }
    local want="i2c b'svc' spi [1, 2, 3, 4] pwm 1000 Hz, 50%"
    # PWM() waits for udev (a wait: the automatic READY=1 may come then,
    # before the status text)
    wait_for 10 sh -c "[ \"\$(systemctl show -p StatusText --value micropython@devices)\" = \"$want\" ]" ||
        { echo "status: $(show devices StatusText)"; echo "wanted: $want"; journalctl -u micropython@devices -o cat; return 1; }
    echo "status: $(show devices StatusText)"
    timeout 60 systemctl stop micropython@devices || return 1
    echo "stopped: $(ended devices)"
    journalctl -u micropython@devices -o cat | grep "^devices:"
    [ "$(ended devices)" = "success killed TERM" ] &&
        journalctl -u micropython@devices -o cat | grep -qx "devices: PWM off"
}
run devices_service t_devices

t_button_led() {
    install -m 644 /usr/share/doc/micropython-px/examples/button-led.py /etc/micropython/button-led.py
    mkdir -p /etc/systemd/system/micropython@button-led.service.d
    install -m 644 /px/ended.conf /etc/systemd/system/micropython@button-led.service.d/ended.conf
    systemctl daemon-reload
    timeout 60 systemctl start micropython@button-led || { systemctl status micropython@button-led --no-pager; return 1; }
    echo "started: $(show button-led ActiveState)/$(show button-led SubState), status: $(show button-led StatusText)"
    [ "$(show button-led StatusText)" = "LED off, waiting for the button" ] || return 1
    micropython -c "
import time
from machine import Pin
finger = Pin('GPIO26', Pin.OPEN_DRAIN, value=1)
for _ in range(3):
    finger.value(0)
    time.sleep_ms(150)
    finger.value(1)
    time.sleep_ms(400)
print('LED seen on GPIO16:', Pin('GPIO16', Pin.IN).value())
" | tee /tmp/led || return 1
    grep -qx 'LED seen on GPIO16: 1' /tmp/led || return 1
    wait_for 10 sh -c '[ "$(systemctl show -p StatusText --value micropython@button-led)" = "LED on, 3 presses" ]' ||
        { echo "status: $(show button-led StatusText)"; return 1; }
    echo "after 3 presses: $(show button-led StatusText)"
    timeout 60 systemctl stop micropython@button-led || return 1
    echo "stopped: $(ended button-led)"
    journalctl -u micropython@button-led -o cat | grep -E '^(button|stopped)'
    [ "$(ended button-led)" = "success killed TERM" ] &&
        journalctl -u micropython@button-led -o cat | grep -qx 'stopped: LED off'
}
run button_led_service t_button_led

echo "@@SV-DONE $failed"
