#!/bin/sh
# PID 1 of the bench VM: set up the system, load our modules, run the tests
# listed in /tests/LIST, and power off. Everything the host reads is framed
# by @@PX- markers; test output travels base64-encoded with its length and
# md5, so a stray kernel message on the console cannot corrupt it unseen.

/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root TMPDIR=/tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmpfs /tmp
chmod 1777 /tmp
dmesg -n 1
ip link set lo up  # 127.0.0.1 for the tests that serve and connect

TIMEOUT=60
. /etc/bench.conf  # written by the host: TIMEOUT (seconds per test), the --env settings
export MPY=/usr/bin/micropython
# $AS_USER CMD ARGS: run CMD as `tester` (uid 1000), environment kept but
# for HOME/USER/LOGNAME/SHELL (busybox's setpriv cannot change uids).
cat > /bin/as-tester << 'EOF'
#!/bin/sh
exec su -s /bin/sh -c 'exec "$@"' -- tester as-tester "$@"
EOF
chmod 755 /bin/as-tester
export AS_USER=/bin/as-tester

# emit NAME STREAM FILE: one framed, checksummed block on the console.
emit() {
    echo "@@PX-DATA $1 $2 $(wc -c < "$3") $(md5sum < "$3" | cut -c1-32)"
    base64 "$3"
    echo "@@PX-DATAEND"
}

# stray: is a user process other than this one alive? Kernel threads and
# zombies have no exe link; busybox timeout's watcher outlives the test.
stray() {
    for p in /proc/[0-9]*; do
        [ "${p#/proc/}" != 1 ] && [ -e "$p/exe" ] || continue
        read -r comm < "$p/comm" 2> /dev/null || continue  # gone meanwhile
        [ "$comm" = timeout ] && continue
        return 0
    done
    return 1
}

echo "@@PX-BOOTED $(uname -r)"

for ko in /modules/*.ko; do
    [ -e "$ko" ] || continue
    name=$(basename "$ko" .ko)
    dmesg -c > /dev/null
    insmod "$ko" > /tmp/out 2>&1
    rc=$?
    dmesg > /tmp/kmsg
    emit "$name" out /tmp/out
    emit "$name" kmsg /tmp/kmsg
    echo "@@PX-INSMOD $name $rc"
done

cd /tests
while read -r name file; do
    dmesg -c > /dev/null
    echo "@@PX-BEGIN $name"
    read -r start _ < /proc/uptime
    case "$file" in
        *.sh) timeout "$TIMEOUT" /bin/sh "./$file" > /tmp/out 2> /tmp/err < /dev/null ;;
        *) timeout "$TIMEOUT" "$MPY" "$file" > /tmp/out 2> /tmp/err < /dev/null ;;
    esac
    rc=$?
    read -r end _ < /proc/uptime
    # Processes a test left behind could hold lines the next test needs.
    if stray; then
        echo "@@PX-STRAY $name"
        kill -9 -1
        sleep 0.2
    else
        kill -9 -1 2> /dev/null  # the timeout watcher
    fi
    dmesg > /tmp/kmsg
    emit "$name" out /tmp/out
    emit "$name" err /tmp/err
    emit "$name" kmsg /tmp/kmsg
    echo "@@PX-END $name $rc $start $end"
    cd /tests
done < /tests/LIST

echo "@@PX-DONE"
sync
poweroff -f
