# The board file maps header names to chip lines and picks the default
# chip behind Pin(int); without one, Pin(int) uses the chip with GPIOn names.
cat > /tmp/board <<'B'
# test board
default = px-gpio-loop1   # Pin(int) means AUX lines
P1_11 = gpiochip0 17      # a header pin
LED=px-gpio-loop1 2
BAD = gpiochip0
B
$MPY -c "from machine import Pin; print(Pin(3).chip)"
MICROPYTHON_BOARD=/tmp/board $MPY -c "
from machine import Pin
print(Pin(3).chip, Pin(3).name(), Pin('P1_11').name(), Pin('LED').name())
try:
    Pin('BAD')
except ValueError as e:
    print(e)
"
