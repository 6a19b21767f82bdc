# As an ordinary user: the error names /dev/spidev0.0 and the fix; with the
# group's access the same program works.
cat > /tmp/spiperm.py <<'PY'
from machine import SPI
try:
    print(SPI(0).read(2, 0x61))
except OSError as e:
    print(type(e).__name__, e)
PY
chmod 644 /tmp/spiperm.py
$AS_USER $MPY /tmp/spiperm.py
chgrp 1000 /dev/spidev0.0 && chmod 0660 /dev/spidev0.0
$AS_USER $MPY /tmp/spiperm.py
chgrp 0 /dev/spidev0.0 && chmod 0600 /dev/spidev0.0
