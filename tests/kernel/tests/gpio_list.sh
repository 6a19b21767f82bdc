# Discovery for people: `micropython -m gpio` and Pin.list() print every
# chip and line with name, direction and consumer.
$MPY -m gpio > /tmp/list1
head -4 /tmp/list1
grep -A 9 '^gpiochip1' /tmp/list1
$MPY -c "
from machine import Pin
p = Pin('GPIO3', Pin.OUT, consumer='lister')
Pin.list()
" | grep -E '^  line|GPIO3 '
