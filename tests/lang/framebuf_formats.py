# framebuf: the bit layout of every format (checked against the layouts
# the documentation describes, computed here in Python), fill, pixel,
# lines and rectangles, clipping, buffer checks, subclassing.
import framebuf
import sys

W, H = 10, 9
print(framebuf.MONO_VLSB, framebuf.RGB565, framebuf.GS4_HMSB, framebuf.MONO_HLSB)
print(framebuf.MONO_HMSB, framebuf.GS2_HMSB, framebuf.GS8, framebuf.MVLSB)


def model(fmt, stride, pixels):
    # the bytes the documented layout gives for {(x, y): c}
    if fmt in (framebuf.MONO_HLSB, framebuf.MONO_HMSB):
        stride = (stride + 7) // 8 * 8
    elif fmt == framebuf.GS2_HMSB:
        stride = (stride + 3) // 4 * 4
    elif fmt == framebuf.GS4_HMSB:
        stride = (stride + 1) // 2 * 2
    size = {
        framebuf.MONO_VLSB: (H + 7) // 8 * stride,
        framebuf.MONO_HLSB: stride // 8 * H,
        framebuf.MONO_HMSB: stride // 8 * H,
        framebuf.GS2_HMSB: stride // 4 * H,
        framebuf.GS4_HMSB: stride // 2 * H,
        framebuf.RGB565: stride * H * 2,
        framebuf.GS8: stride * H,
    }[fmt]
    b = bytearray(size)
    for (x, y), c in pixels.items():
        i = x + y * stride
        if fmt == framebuf.MONO_VLSB:
            b[(y // 8) * stride + x] |= (c & 1) << (y % 8)
        elif fmt == framebuf.MONO_HLSB:
            b[i // 8] |= (c & 1) << (7 - x % 8)
        elif fmt == framebuf.MONO_HMSB:
            b[i // 8] |= (c & 1) << (x % 8)
        elif fmt == framebuf.GS2_HMSB:
            b[i // 4] |= (c & 3) << (2 * (x % 4))
        elif fmt == framebuf.GS4_HMSB:
            b[i // 2] |= (c & 15) << (0 if x % 2 else 4)
        elif fmt == framebuf.RGB565:
            b[2 * i : 2 * i + 2] = (c & 0xFFFF).to_bytes(2, sys.byteorder)
        else:
            b[i] = c & 0xFF
    return b, size


colors = {
    framebuf.MONO_VLSB: (1,), framebuf.MONO_HLSB: (1,), framebuf.MONO_HMSB: (1,),
    framebuf.GS2_HMSB: (1, 2, 3), framebuf.GS4_HMSB: (5, 15, 9), framebuf.GS8: (7, 200, 255),
    framebuf.RGB565: (0xF800, 0x07E0, 0x1234),
}
for fmt in sorted(colors):
    for stride in (W, W + 3):
        want = {}
        for k, (x, y) in enumerate([(0, 0), (9, 8), (3, 7), (8, 1), (1, 8), (5, 4)]):
            want[(x, y)] = colors[fmt][k % len(colors[fmt])]
        exp, size = model(fmt, stride, want)
        buf = bytearray(size)
        fb = framebuf.FrameBuffer(buf, W, H, fmt, stride)
        for (x, y), c in want.items():
            fb.pixel(x, y, c)
        ok = buf == exp and all(fb.pixel(x, y) == c for (x, y), c in want.items())
        fb.fill(colors[fmt][-1])
        full = all(fb.pixel(x, y) == colors[fmt][-1] for x in range(W) for y in range(H))
        fb.fill(0)
        print(fmt, stride, size, ok, full, bytes(buf) == bytes(size), fb.pixel(-1, 0), fb.pixel(W, 0), fb.pixel(0, H))


def show(fb, w, h):
    for y in range(h):
        print("".join(".#"[fb.pixel(x, y) != 0] for x in range(w)))


buf = bytearray(16 * 12)
fb = framebuf.FrameBuffer(buf, 16, 12, framebuf.GS8)
fb.hline(-2, 0, 6, 1)
fb.vline(15, -3, 20, 1)
fb.rect(2, 2, 6, 4, 1)
fb.rect(9, 2, 4, 3, 1, True)
fb.fill_rect(2, 8, 3, 2, 1)
fb.line(0, 11, 14, 6, 1)
fb.line(13, 11, 13, 11, 1)
fb.rect(0, 0, 0, 5, 1)  # empty: nothing
fb.line(-100, -50, 200, 100, 1)  # far outside the frame at both ends
show(fb, 16, 12)

# too small, bad format, bad sizes
for args in ((bytearray(9), 10, 9, framebuf.MONO_VLSB), (bytearray(100), 10, 10, 7), (bytearray(100), -1, 5, framebuf.GS8),
             (bytearray(100), 10, 5, framebuf.GS8, 9), (b"\x00" * 100, 10, 10, framebuf.GS8)):
    try:
        framebuf.FrameBuffer(*args)
        print("made")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# a buffer that shrinks afterwards is noticed, not written past
ba = bytearray(100)
fb = framebuf.FrameBuffer(ba, 10, 10, framebuf.GS8)
del ba[50:]
try:
    fb.fill(1)
except ValueError as e:
    print("ValueError", e)


# display drivers subclass FrameBuffer
class Display(framebuf.FrameBuffer):
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.buffer = bytearray(width * height // 8)
        super().__init__(self.buffer, width, height, framebuf.MONO_HLSB)

    def show(self):
        return bytes(self.buffer).hex()


d = Display(16, 2)
d.pixel(0, 0, 1)
d.hline(8, 1, 8, 1)
print(d.show(), d.pixel(0, 0), isinstance(d, framebuf.FrameBuffer), bytes(memoryview(d)) == bytes(d.buffer))
