# framebuf: ellipses (quadrants, filled), polygons, text in our 8x8 font,
# scroll, blit with a key and a palette.
import framebuf
from array import array


def show(fb, w, h):
    for y in range(h):
        print("".join(".#"[fb.pixel(x, y) != 0] for x in range(w)))
    print()


def canvas(w, h):
    fb = framebuf.FrameBuffer(bytearray(w * h), w, h, framebuf.GS8)
    return fb


fb = canvas(23, 11)
fb.ellipse(5, 5, 5, 5, 1)
fb.ellipse(17, 5, 5, 3, 1, True)
show(fb, 23, 11)
fb = canvas(23, 9)
fb.ellipse(5, 4, 4, 4, 1, True, 0b0101)  # Q1 and Q3
fb.ellipse(16, 4, 6, 4, 1, False, 0b1000)  # Q4 only
fb.ellipse(11, 4, 0, 3, 1)  # a zero radius: a line
show(fb, 23, 9)

fb = canvas(20, 10)
fb.poly(1, 1, array("h", [0, 0, 7, 0, 7, 7]), 1)
fb.poly(10, 0, array("h", [4, 0, 9, 9, 0, 9]), 1, True)
show(fb, 20, 10)
fb = canvas(12, 8)
fb.poly(0, 0, [0, 0, 10, 0, 10, 7, 5, 3, 0, 7], 1, True)  # concave, a plain list too
show(fb, 12, 8)
try:
    fb.poly(0, 0, [1, 2, 3], 1)
except ValueError as e:
    print("ValueError", e)

fb = framebuf.FrameBuffer(bytearray(48 * 8 // 8), 48, 8, framebuf.MONO_HLSB)
fb.text("Hi!gy", 0, 0)
show(fb, 40, 8)
fb.fill(0)
fb.text("\u00e9~", -3, 1, 1)  # off the left edge; a non-ASCII character's glyph
show(fb, 16, 8)
try:
    fb.text(b"x", 0, 0)
except TypeError as e:
    print("TypeError", e)

# every glyph differs from every other (and 127 from all)
seen = set()
g = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB)
for ch in range(33, 128):
    g.fill(0)
    g.text(chr(ch), 0, 0)
    seen.add(bytes(memoryview(g)))
print(len(seen))

fb = canvas(6, 4)
for y in range(4):
    for x in range(6):
        fb.pixel(x, y, (x + y * 6) % 9 + 1)
fb.scroll(2, 1)
print([[fb.pixel(x, y) for x in range(6)] for y in range(4)])
fb.scroll(-3, -2)
print([[fb.pixel(x, y) for x in range(6)] for y in range(4)])
fb.scroll(10, 0)

# blit: clipping, a transparent key, a palette from mono to RGB565
src = framebuf.FrameBuffer(bytearray(4 * 3), 4, 3, framebuf.GS8)
for i in range(12):
    src.pixel(i % 4, i // 4, i % 3)
dst = canvas(6, 5)
dst.fill(9)
dst.blit(src, 3, 3)
dst.blit(src, -2, -1, 0)
print([[dst.pixel(x, y) for x in range(6)] for y in range(5)])
icon = framebuf.FrameBuffer(bytearray(b"\xa0\x50"), 4, 2, framebuf.MONO_HLSB)
pal = framebuf.FrameBuffer(bytearray(4), 2, 1, framebuf.RGB565)
pal.pixel(0, 0, 0x001F)
pal.pixel(1, 0, 0xF800)
screen = framebuf.FrameBuffer(bytearray(4 * 2 * 2), 4, 2, framebuf.RGB565)
screen.blit(icon, 0, 0, -1, pal)
print([hex(screen.pixel(x, y)) for y in range(2) for x in range(4)])
screen.fill(0)
screen.blit(icon, 0, 0, 0x001F, pal)  # the key is the palette's colour
print([hex(screen.pixel(x, y)) for y in range(2) for x in range(4)])
screen.blit((b"\xff\xff", 4, 2, framebuf.MONO_HLSB), 0, 0, key=0, palette=pal)  # read-only tuple source
print([hex(screen.pixel(x, y)) for y in range(2) for x in range(4)])
for bad in (lambda: screen.blit(1, 0, 0), lambda: screen.blit((b"", 4, 2), 0, 0), lambda: screen.blit(icon, 0, 0, -1, 5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
