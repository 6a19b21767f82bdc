# An SSD1306 OLED driver as MicroPython users write them: the display is a
# framebuf.FrameBuffer (MONO_VLSB: a byte is a column of 8 pixels, as the
# controller's RAM), drawn with framebuf's methods and sent by show().
# Written for the kernel bench; it runs unchanged on a microcontroller.
import framebuf
from micropython import const

_CONTRAST = const(0x81)
_NORMAL = const(0xA6)
_INVERSE = const(0xA7)
_OFF = const(0xAE)
_ON = const(0xAF)
_ADDR_MODE = const(0x20)
_COLUMNS = const(0x21)
_PAGES = const(0x22)


class SSD1306(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc=False):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.external_vcc = external_vcc
        self.buffer = bytearray(self.pages * width)
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)
        self.init_display()

    def init_display(self):
        for cmd in (
            _OFF,
            _ADDR_MODE, 0x00,                  # horizontal addressing
            0x40,                              # start line 0
            0xA1,                              # column 127 is SEG0
            0xA8, self.height - 1,             # multiplex
            0xC8,                              # scan COM from the bottom
            0xD3, 0x00,                        # no display offset
            0xDA, 0x02 if self.height == 32 else 0x12,
            0xD5, 0x80,                        # clock
            0xD9, 0x22 if self.external_vcc else 0xF1,
            0xDB, 0x30,                        # VCOMH
            _CONTRAST, 0xFF,
            0xA4,                              # show the RAM
            _NORMAL,
            0x8D, 0x10 if self.external_vcc else 0x14,  # charge pump
            _ON,
        ):
            self.write_cmd(cmd)
        self.fill(0)
        self.show()

    def poweroff(self):
        self.write_cmd(_OFF)

    def poweron(self):
        self.write_cmd(_ON)

    def contrast(self, value):
        self.write_cmd(_CONTRAST)
        self.write_cmd(value)

    def invert(self, on):
        self.write_cmd(_INVERSE if on else _NORMAL)

    def show(self):
        first, last = 0, self.width - 1
        if self.width == 64:  # 64-column panels sit in the middle of the RAM
            first, last = 32, 95
        for cmd in (_COLUMNS, first, last, _PAGES, 0, self.pages - 1):
            self.write_cmd(cmd)
        self.write_data(self.buffer)


class SSD1306_I2C(SSD1306):
    def __init__(self, width, height, i2c, addr=0x3C, external_vcc=False):
        self.i2c = i2c
        self.addr = addr
        self._cmd = bytearray(2)
        self._prefix = [b"\x40", None]
        super().__init__(width, height, external_vcc)

    def write_cmd(self, cmd):
        self._cmd[0] = 0x80  # Co = 1, D/C = 0: one command byte
        self._cmd[1] = cmd
        self.i2c.writeto(self.addr, self._cmd)

    def write_data(self, buf):
        self._prefix[1] = buf  # Co = 0, D/C = 1: the rest is display data
        self.i2c.writevto(self.addr, self._prefix)
