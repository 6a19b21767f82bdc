# As an ordinary user without access to /dev/gpiochip*: the error names the
# device node and the fix; after the fix (group access) the same works.
cat > /tmp/perm1.py <<'PY'
from machine import Pin
for id in ('GPIO1', 1, ('gpiochip1', 0)):
    try:
        Pin(id)
    except OSError as e:
        print(type(e).__name__, e)
PY
cat > /tmp/perm2.py <<'PY'
from machine import Pin
print(Pin(('gpiochip0', 1), Pin.IN, Pin.PULL_UP).value())
PY
chmod 644 /tmp/perm1.py /tmp/perm2.py
$AS_USER $MPY /tmp/perm1.py
chgrp 1000 /dev/gpiochip0 && chmod 0660 /dev/gpiochip0
$AS_USER $MPY /tmp/perm2.py
chgrp 0 /dev/gpiochip0 && chmod 0600 /dev/gpiochip0
$AS_USER $MPY -m gpio
