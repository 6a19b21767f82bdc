# As an ordinary user: the error names /dev/i2c-0 and the fix (the group
# that owns it, or a udev rule when it is root's); with the group's access
# the same program works.
cat > /tmp/i2cperm.py <<'PY'
from machine import I2C
try:
    print(I2C(0).readfrom_mem(0x76, 0xd0, 1))
except OSError as e:
    print(type(e).__name__, e)
PY
chmod 644 /tmp/i2cperm.py
$AS_USER $MPY /tmp/i2cperm.py
chgrp 1000 /dev/i2c-0
$AS_USER $MPY /tmp/i2cperm.py
chmod 0660 /dev/i2c-0
$AS_USER $MPY /tmp/i2cperm.py
chgrp 0 /dev/i2c-0 && chmod 0600 /dev/i2c-0
