# UART errors name the device and say what to do.
try() {
    "$MPY" -c "
from machine import UART
try:
    $1
except Exception as e:
    print(type(e).__name__, e.errno if isinstance(e, OSError) else '', e)
" 2>&1
}
try 'UART(3)'                        # the kernel's name, no hardware behind it
try 'UART(9)'
try 'UART("ttyUSB0")'
try 'UART("/dev/null")'
try 'UART(1, bits=9)'
try 'UART(1, parity=2)'
try 'UART(1, stop=3)'
try 'UART(1, flow=UART.RTS)'
try 'UART(1, tx=4)'
try 'UART(1, invert=UART.INV_TX)'
try 'UART(1, baudrate=0)'
try 'UART(1, timeout=-1)'
try 'UART(1.5)'
try 'UART()'
# only root may open the node: the error says how to give access
$AS_USER "$MPY" -c "
from machine import UART
try:
    UART(1)
except OSError as e:
    print(type(e).__name__, e)
"
