/* The framebuf module: drawing into a pixel buffer of one of MicroPython's
 * seven formats.
 *
 * A FrameBuffer keeps the buffer object and looks its memory up again at
 * every call (a bytearray may have been resized), checking that it still
 * holds every pixel, so no drawing ever writes outside it. Every primitive
 * ends in set_pixel() or fill_rect(), both clipped to the frame.
 *
 * Formats (MicroPython's numbers and bit layouts; stride in pixels):
 *   MONO_VLSB 0  a byte is 8 pixels of a column, bit 0 on top; rows of
 *                bytes 8 pixels high
 *   RGB565 1     16-bit pixels in the machine's byte order
 *   GS4_HMSB 2   two pixels a byte, the even x in the high nibble
 *   MONO_HLSB 3  8 pixels of a row a byte, bit 7 leftmost
 *   MONO_HMSB 4  8 pixels of a row a byte, bit 0 leftmost
 *   GS2_HMSB 5   four pixels a byte, x % 4 == 0 in bits 0-1
 *   GS8 6        a byte a pixel
 * The horizontal packed formats round the stride up to whole bytes. */
#include <stdlib.h>
#include <string.h>

#include "framebuf_font.h"
#include "runtime.h"

enum { MONO_VLSB, RGB565, GS4_HMSB, MONO_HLSB, MONO_HMSB, GS2_HMSB, GS8, NFORMATS };

typedef struct {
    px_obj base;
    px_val buf; /* the buffer object, PX_NULL for an uninitialised one */
    int32_t width, height, stride;
    uint8_t format;
} framebuf;

/* A frame to draw on or read from: the memory found for this call. */
typedef struct {
    uint8_t *data;
    int32_t width, height, stride;
    uint8_t format;
} frame;

extern const px_type px_type_framebuf;

/* ---- frames */

static int32_t rounded_stride(int format, int32_t stride) {
    switch (format) {
    case MONO_HLSB:
    case MONO_HMSB:
        return (stride + 7) & ~7;
    case GS2_HMSB:
        return (stride + 3) & ~3;
    case GS4_HMSB:
        return (stride + 1) & ~1;
    default:
        return stride;
    }
}

static size_t bytes_needed(int format, int32_t height, int32_t stride) {
    size_t h = (size_t)height, s = (size_t)stride;
    switch (format) {
    case MONO_VLSB:
        return (h + 7) / 8 * s;
    case MONO_HLSB:
    case MONO_HMSB:
        return s / 8 * h;
    case GS2_HMSB:
        return s / 4 * h;
    case GS4_HMSB:
        return s / 2 * h;
    case RGB565:
        return s * h * 2;
    default:
        return s * h;
    }
}

static int32_t dim_arg(px_val v, const char *what) {
    px_int n = px_index(v);
    if (n < 0 || n > 0x7FFF) {
        px_raise_value_error("%s out of range 0..32767", what);
    }
    return (int32_t)n;
}

/* The frame of (buffer, width, height, format, stride); writable if asked. */
static frame make_frame(px_val buf, int32_t w, int32_t h, px_int format, int32_t stride, bool write) {
    if (format < 0 || format >= NFORMATS) {
        px_raise_value_error("invalid format");
    }
    if (stride < w) {
        px_raise_value_error("stride smaller than width");
    }
    frame f = {NULL, w, h, rounded_stride((int)format, stride), (uint8_t)format};
    px_buffer b;
    px_get_buffer(buf, &b, write ? PX_BUF_WRITE : PX_BUF_READ);
    if (b.len < bytes_needed(f.format, h, f.stride)) {
        px_raise_value_error("buffer too small");
    }
    f.data = b.data;
    return f;
}

static frame frame_of(px_val self, bool write) {
    framebuf *fb = px_as_ptr(px_native(self, &px_type_framebuf));
    if (fb->buf == PX_NULL) {
        frame empty = {NULL, 0, 0, 0, MONO_VLSB};
        return empty; /* nothing to draw on or read */
    }
    return make_frame(fb->buf, fb->width, fb->height, fb->format, fb->stride, write);
}

/* ---- pixels (x, y inside the frame) */

static uint32_t get_pixel(const frame *f, int32_t x, int32_t y) {
    size_t i = (size_t)x + (size_t)y * (size_t)f->stride;
    switch (f->format) {
    case MONO_VLSB:
        return (f->data[(size_t)(y >> 3) * (size_t)f->stride + (size_t)x] >> (y & 7)) & 1;
    case MONO_HLSB:
        return (f->data[i >> 3] >> (7 - (x & 7))) & 1;
    case MONO_HMSB:
        return (f->data[i >> 3] >> (x & 7)) & 1;
    case GS2_HMSB:
        return (f->data[i >> 2] >> ((x & 3) * 2)) & 3;
    case GS4_HMSB:
        return (f->data[i >> 1] >> (x & 1 ? 0 : 4)) & 0xF;
    case RGB565: {
        uint16_t v;
        memcpy(&v, f->data + 2 * i, 2);
        return v;
    }
    default:
        return f->data[i];
    }
}

static void put_bits(uint8_t *p, unsigned shift, unsigned mask, uint32_t c) {
    *p = (uint8_t)((*p & ~(mask << shift)) | ((c & mask) << shift));
}

static void set_pixel(const frame *f, int32_t x, int32_t y, uint32_t c) {
    if (x < 0 || y < 0 || x >= f->width || y >= f->height) {
        return;
    }
    size_t i = (size_t)x + (size_t)y * (size_t)f->stride;
    switch (f->format) {
    case MONO_VLSB:
        put_bits(&f->data[(size_t)(y >> 3) * (size_t)f->stride + (size_t)x], (unsigned)(y & 7), 1, c);
        break;
    case MONO_HLSB:
        put_bits(&f->data[i >> 3], 7 - (unsigned)(x & 7), 1, c);
        break;
    case MONO_HMSB:
        put_bits(&f->data[i >> 3], (unsigned)(x & 7), 1, c);
        break;
    case GS2_HMSB:
        put_bits(&f->data[i >> 2], (unsigned)(x & 3) * 2, 3, c);
        break;
    case GS4_HMSB:
        put_bits(&f->data[i >> 1], x & 1 ? 0 : 4, 0xF, c);
        break;
    case RGB565: {
        uint16_t v = (uint16_t)c;
        memcpy(f->data + 2 * i, &v, 2);
        break;
    }
    default:
        f->data[i] = (uint8_t)c;
    }
}

static void fill_rect(const frame *f, int32_t x, int32_t y, int32_t w, int32_t h, uint32_t c) {
    int32_t x0 = x < 0 ? 0 : x, y0 = y < 0 ? 0 : y;
    int32_t x1 = x + w > f->width ? f->width : x + w, y1 = y + h > f->height ? f->height : y + h;
    for (int32_t yy = y0; yy < y1; yy++) {
        if (f->format == GS8) {
            if (x1 > x0) {
                memset(f->data + (size_t)yy * (size_t)f->stride + (size_t)x0, (int)(c & 0xFF), (size_t)(x1 - x0));
            }
            continue;
        }
        for (int32_t xx = x0; xx < x1; xx++) {
            set_pixel(f, xx, yy, c);
        }
    }
}

/* ---- arguments */

static int32_t coord(px_val v) {
    px_int n = px_index(v);
    return n < -0x40000000 ? -0x40000000 : n > 0x40000000 ? 0x40000000 : (int32_t)n; /* far outside: clipped */
}

static uint32_t color(px_val v) {
    return (uint32_t)px_index(v);
}

/* ---- constructor */

static px_val fb_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    framebuf *fb = px_gc_alloc(sizeof *fb, 0);
    fb->base.type = &px_type_framebuf;
    fb->buf = PX_NULL;
    if (argc == 0 && kwnames == PX_NULL) {
        return px_from_ptr(fb); /* for a subclass: its __init__ calls super().__init__(...) */
    }
    px_check_args(PX_Q(FrameBuffer), argc, kwnames, 4, 5);
    int32_t w = dim_arg(argv[1], "width"), h = dim_arg(argv[2], "height");
    int32_t stride = argc > 4 ? dim_arg(argv[4], "stride") : w;
    frame f = make_frame(argv[0], w, h, px_index(argv[3]), stride, true);
    fb->buf = argv[0];
    fb->width = w;
    fb->height = h;
    fb->stride = f.stride;
    fb->format = f.format;
    return px_from_ptr(fb);
}

/* ---- drawing methods */

static px_val fb_fill(px_val self, px_val c) {
    frame f = frame_of(self, true);
    fill_rect(&f, 0, 0, f.width, f.height, color(c));
    return PX_NONE;
}

static px_val fb_pixel(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], argc > 3);
    int32_t x = coord(argv[1]), y = coord(argv[2]);
    if (x < 0 || y < 0 || x >= f.width || y >= f.height) {
        return PX_NONE;
    }
    if (argc > 3) {
        set_pixel(&f, x, y, color(argv[3]));
        return PX_NONE;
    }
    return px_int_from_u64(get_pixel(&f, x, y));
}

static px_val fb_hline(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    fill_rect(&f, coord(argv[1]), coord(argv[2]), coord(argv[3]), 1, color(argv[4]));
    return PX_NONE;
}

static px_val fb_vline(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    fill_rect(&f, coord(argv[1]), coord(argv[2]), 1, coord(argv[3]), color(argv[4]));
    return PX_NONE;
}

static px_val fb_fill_rect(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    fill_rect(&f, coord(argv[1]), coord(argv[2]), coord(argv[3]), coord(argv[4]), color(argv[5]));
    return PX_NONE;
}

static px_val fb_rect(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    int32_t x = coord(argv[1]), y = coord(argv[2]), w = coord(argv[3]), h = coord(argv[4]);
    uint32_t c = color(argv[5]);
    if (argc > 6 && px_truthy(argv[6])) {
        fill_rect(&f, x, y, w, h, c);
    } else if (w > 0 && h > 0) {
        fill_rect(&f, x, y, w, 1, c);
        fill_rect(&f, x, y + h - 1, w, 1, c);
        fill_rect(&f, x, y, 1, h, c);
        fill_rect(&f, x + w - 1, y, 1, h, c);
    }
    return PX_NONE;
}

/* Bresenham's line, both ends included. */
static void draw_line(const frame *f, int32_t x1, int32_t y1, int32_t x2, int32_t y2, uint32_t c) {
    int64_t dx = x2 > x1 ? (int64_t)x2 - x1 : (int64_t)x1 - x2, sx = x1 < x2 ? 1 : -1;
    int64_t dy = y2 > y1 ? (int64_t)y1 - y2 : (int64_t)y2 - y1, sy = y1 < y2 ? 1 : -1;
    int64_t err = dx + dy;
    int64_t x = x1, y = y1;
    for (;;) {
        if (x >= 0 && y >= 0 && x < f->width && y < f->height) {
            set_pixel(f, (int32_t)x, (int32_t)y, c);
        }
        if (x == x2 && y == y2) {
            break;
        }
        int64_t e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            x += sx;
        }
        if (e2 <= dx) {
            err += dx;
            y += sy;
        }
    }
}

static px_val fb_line(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    draw_line(&f, coord(argv[1]), coord(argv[2]), coord(argv[3]), coord(argv[4]), color(argv[5]));
    return PX_NONE;
}

/* The four mirror images of (dx, dy) around (cx, cy) in the quadrants of
 * mask (bit 0 top right, then counterclockwise); filled: spans from the
 * centre line out. */
static void ellipse_points(const frame *f, int32_t cx, int32_t cy, int32_t dx, int32_t dy, uint32_t c, bool fill,
                           unsigned mask) {
    if (fill) {
        if (mask & 1) fill_rect(f, cx, cy - dy, dx + 1, 1, c);
        if (mask & 2) fill_rect(f, cx - dx, cy - dy, dx + 1, 1, c);
        if (mask & 4) fill_rect(f, cx - dx, cy + dy, dx + 1, 1, c);
        if (mask & 8) fill_rect(f, cx, cy + dy, dx + 1, 1, c);
        return;
    }
    if (mask & 1) set_pixel(f, cx + dx, cy - dy, c);
    if (mask & 2) set_pixel(f, cx - dx, cy - dy, c);
    if (mask & 4) set_pixel(f, cx - dx, cy + dy, c);
    if (mask & 8) set_pixel(f, cx + dx, cy + dy, c);
}

/* Midpoint ellipse, in integers scaled by 4: the first region (where
 * the slope is above -1) steps x, the second steps y. A zero radius is a
 * straight line. */
static px_val fb_ellipse(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    int32_t cx = coord(argv[1]), cy = coord(argv[2]);
    px_int xr = px_index(argv[3]), yr = px_index(argv[4]);
    uint32_t c = color(argv[5]);
    bool fill = argc > 6 && px_truthy(argv[6]);
    unsigned mask = argc > 7 ? (unsigned)px_index(argv[7]) & 0xF : 0xF;
    if (xr < 0 || yr < 0 || xr > 0x7FFF || yr > 0x7FFF) {
        px_raise_value_error("radius out of range 0..32767");
    }
    if (xr == 0 || yr == 0) {
        for (px_int i = 0; i <= (xr > yr ? xr : yr); i++) {
            ellipse_points(&f, cx, cy, xr ? (int32_t)i : 0, yr ? (int32_t)i : 0, c, fill, mask);
        }
        return PX_NONE;
    }
    int64_t a2 = (int64_t)xr * xr, b2 = (int64_t)yr * yr;
    int64_t x = 0, y = yr, dx = 0, dy = 2 * a2 * y;
    int64_t d = 4 * b2 - 4 * a2 * yr + a2;
    while (dx < dy) {
        ellipse_points(&f, cx, cy, (int32_t)x, (int32_t)y, c, fill, mask);
        x++;
        dx += 2 * b2;
        if (d < 0) {
            d += 4 * (dx + b2);
        } else {
            y--;
            dy -= 2 * a2;
            d += 4 * (dx - dy + b2);
        }
    }
    d = b2 * (2 * x + 1) * (2 * x + 1) + 4 * a2 * (y - 1) * (y - 1) - 4 * a2 * b2;
    while (y >= 0) {
        ellipse_points(&f, cx, cy, (int32_t)x, (int32_t)y, c, fill, mask);
        y--;
        dy -= 2 * a2;
        if (d > 0) {
            d += 4 * (a2 - dy);
        } else {
            x++;
            dx += 2 * b2;
            d += 4 * (dx - dy + a2);
        }
    }
    return PX_NONE;
}

/* The polygon's vertices as ints, relative to (x, y). */
static int32_t *poly_points(px_val coords, size_t *n) {
    px_val list = px_list_new(0, NULL);
    px_val it = px_iter(coords);
    for (px_val v = px_next(it); v != PX_NULL; v = px_next(it)) {
        px_list_append(list, v);
    }
    size_t len;
    px_val *items = px_seq_items(list, &len);
    if (len % 2 != 0) {
        px_raise_value_error("poly: coords must hold x, y pairs");
    }
    int32_t *pts = px_gc_alloc((len + 1) * sizeof(int32_t), PX_GC_LEAF);
    for (size_t i = 0; i < len; i++) {
        pts[i] = coord(items[i]);
    }
    *n = len / 2;
    return pts;
}

static int cmp_i32(const void *a, const void *b) {
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Filled: for each row, the crossings of the edges with the row (an edge
 * counts rows from its upper end up to, not including, its lower end),
 * sorted and filled pairwise; then the outline, so edges are included. */
static px_val fb_poly(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    int32_t ox = coord(argv[1]), oy = coord(argv[2]);
    size_t n;
    int32_t *p = poly_points(argv[3], &n);
    uint32_t c = color(argv[4]);
    if (n == 0) {
        return PX_NONE;
    }
    if (argc > 5 && px_truthy(argv[5]) && n >= 3) {
        int32_t ymin = p[1], ymax = p[1];
        for (size_t i = 1; i < n; i++) {
            ymin = p[2 * i + 1] < ymin ? p[2 * i + 1] : ymin;
            ymax = p[2 * i + 1] > ymax ? p[2 * i + 1] : ymax;
        }
        int32_t lo = -oy > ymin ? -oy : ymin, hi = f.height - 1 - oy < ymax ? f.height - 1 - oy : ymax;
        int32_t *xs = px_gc_alloc((n + 1) * sizeof(int32_t), PX_GC_LEAF);
        for (int32_t y = lo; y <= hi; y++) {
            size_t k = 0;
            for (size_t i = 0; i < n; i++) {
                int32_t x1 = p[2 * i], y1 = p[2 * i + 1];
                int32_t x2 = p[2 * ((i + 1) % n)], y2 = p[2 * ((i + 1) % n) + 1];
                if (y1 == y2) {
                    continue;
                }
                if (y1 > y2) {
                    int32_t t = x1;
                    x1 = x2;
                    x2 = t;
                    t = y1;
                    y1 = y2;
                    y2 = t;
                }
                if (y >= y1 && y < y2) {
                    xs[k++] = x1 + (int32_t)(((int64_t)(x2 - x1) * (y - y1)) / (y2 - y1));
                }
            }
            qsort(xs, k, sizeof(int32_t), cmp_i32);
            for (size_t i = 0; i + 1 < k; i += 2) {
                fill_rect(&f, ox + xs[i], oy + y, xs[i + 1] - xs[i] + 1, 1, c);
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = (i + 1) % n;
        draw_line(&f, ox + p[2 * i], oy + p[2 * i + 1], ox + p[2 * j], oy + p[2 * j + 1], c);
    }
    return PX_NONE;
}

static px_val fb_text(size_t argc, const px_val *argv) {
    frame f = frame_of(argv[0], true);
    if (!px_is_str(argv[1])) {
        px_raise_type_error("text: a str is required, not '%s'", px_type_name(argv[1]));
    }
    size_t n;
    const unsigned char *s = (const unsigned char *)px_str_data(argv[1], &n);
    int32_t x = coord(argv[2]), y = coord(argv[3]);
    uint32_t c = argc > 4 ? color(argv[4]) : 1;
    for (size_t i = 0; i < n; i++) {
        if ((s[i] & 0xC0) == 0x80) {
            continue; /* the rest of a UTF-8 sequence: one glyph per character */
        }
        unsigned ch = s[i] >= 32 && s[i] < 127 ? s[i] : 127;
        const uint8_t *g = px_framebuf_font[ch - 32];
        for (int32_t col = 0; col < 8; col++) {
            for (int32_t row = 0; row < 8; row++) {
                if ((g[col] >> row) & 1) {
                    set_pixel(&f, x + col, y + row, c);
                }
            }
        }
        x += 8;
        if (x >= f.width) {
            break;
        }
    }
    return PX_NONE;
}

/* scroll: move the contents by (xstep, ystep), copying in the order that
 * reads every pixel before it is overwritten; what is uncovered keeps its
 * old pixels. */
static px_val fb_scroll(px_val self, px_val xs, px_val ys) {
    frame f = frame_of(self, true);
    int32_t dx = coord(xs), dy = coord(ys);
    if (dx >= f.width || -dx >= f.width || dy >= f.height || -dy >= f.height) {
        return PX_NONE;
    }
    int32_t y0 = dy > 0 ? f.height - 1 : 0, y1 = dy > 0 ? dy - 1 : f.height + dy, ystep = dy > 0 ? -1 : 1;
    int32_t x0 = dx > 0 ? f.width - 1 : 0, x1 = dx > 0 ? dx - 1 : f.width + dx, xstep = dx > 0 ? -1 : 1;
    for (int32_t y = y0; y != y1; y += ystep) {
        for (int32_t x = x0; x != x1; x += xstep) {
            set_pixel(&f, x, y, get_pixel(&f, x - dx, y - dy));
        }
    }
    return PX_NONE;
}

/* The source of a blit: a FrameBuffer, or (buffer, width, height, format[,
 * stride]) whose buffer may be read-only. */
static frame source_frame(px_val src) {
    if (px_isinstance(src, &px_type_framebuf)) {
        return frame_of(src, false);
    }
    if (!px_is_type(src, &px_type_tuple) && !px_is_type(src, &px_type_list)) {
        px_raise_type_error("blit: a FrameBuffer or a (buffer, width, height, format[, stride]) tuple is required");
    }
    size_t n;
    px_val *items = px_seq_items(src, &n);
    if (n < 4 || n > 5) {
        px_raise_value_error("blit: the tuple needs 4 or 5 items");
    }
    int32_t w = dim_arg(items[1], "width"), h = dim_arg(items[2], "height");
    return make_frame(items[0], w, h, px_index(items[3]), n > 4 ? dim_arg(items[4], "stride") : w, false);
}

static px_val fb_blit(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(self), PX_ARG_REQUIRED, PX_NONE}, {PX_Q(fbuf), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(x), PX_ARG_REQUIRED, PX_NONE},    {PX_Q(y), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(key), 0, PX_SMALL_CONST(-1)},     {PX_Q(palette), 0, PX_NONE},
    };
    px_val a[6];
    px_parse_args(PX_Q(blit), argc, argv, kwnames, 6, spec, a);
    frame dst = frame_of(a[0], true);
    frame src = source_frame(a[1]);
    int32_t x = coord(a[2]), y = coord(a[3]);
    px_int key = px_index(a[4]);
    frame pal = {NULL, 0, 0, 0, 0};
    bool use_pal = a[5] != PX_NONE;
    if (use_pal) {
        if (!px_isinstance(a[5], &px_type_framebuf)) {
            px_raise_type_error("blit: palette must be a FrameBuffer");
        }
        pal = frame_of(a[5], false);
    }
    int32_t sx0 = x < 0 ? -x : 0, sy0 = y < 0 ? -y : 0;
    for (int32_t sy = sy0; sy < src.height && y + sy < dst.height; sy++) {
        for (int32_t sx = sx0; sx < src.width && x + sx < dst.width; sx++) {
            uint32_t col = get_pixel(&src, sx, sy);
            if (use_pal) {
                if ((int64_t)col >= pal.width || pal.height < 1) {
                    continue; /* no palette entry: nothing drawn */
                }
                col = get_pixel(&pal, (int32_t)col, 0);
            }
            if ((px_int)col != key) {
                set_pixel(&dst, x + sx, y + sy, col);
            }
        }
    }
    return PX_NONE;
}

/* The buffer protocol: the frame's own buffer. */
static bool fb_buffer(px_val self, px_buffer *buf, unsigned flags) {
    framebuf *fb = px_as_ptr(self);
    if (fb->buf == PX_NULL) {
        buf->data = (void *)"";
        buf->len = 0;
        buf->typecode = 'B';
        buf->readonly = true;
        return true;
    }
    px_get_buffer(fb->buf, buf, flags);
    return true;
}

#define M(c, name, lo, hi, f) static PX_METHV(c, &px_type_framebuf, name, lo, hi, f)
M(fb_pixel_obj, pixel, 3, 4, fb_pixel);
M(fb_hline_obj, hline, 5, 5, fb_hline);
M(fb_vline_obj, vline, 5, 5, fb_vline);
M(fb_rect_obj, rect, 6, 7, fb_rect);
M(fb_fill_rect_obj, fill_rect, 6, 6, fb_fill_rect);
M(fb_line_obj, line, 6, 6, fb_line);
M(fb_ellipse_obj, ellipse, 6, 8, fb_ellipse);
M(fb_poly_obj, poly, 5, 6, fb_poly);
M(fb_text_obj, text, 4, 5, fb_text);
static PX_METH2(fb_fill_obj, &px_type_framebuf, fill, fb_fill);
static PX_METH3(fb_scroll_obj, &px_type_framebuf, scroll, fb_scroll);
static PX_METHKW(fb_blit_obj, &px_type_framebuf, blit, 4, 6, fb_blit);

static const px_map_entry fb_methods[] = {
    PX_ENTRY_OBJ(blit, &fb_blit_obj),   PX_ENTRY_OBJ(ellipse, &fb_ellipse_obj), PX_ENTRY_OBJ(fill, &fb_fill_obj),
    PX_ENTRY_OBJ(fill_rect, &fb_fill_rect_obj), PX_ENTRY_OBJ(hline, &fb_hline_obj),  PX_ENTRY_OBJ(line, &fb_line_obj),
    PX_ENTRY_OBJ(pixel, &fb_pixel_obj), PX_ENTRY_OBJ(poly, &fb_poly_obj),       PX_ENTRY_OBJ(rect, &fb_rect_obj),
    PX_ENTRY_OBJ(scroll, &fb_scroll_obj), PX_ENTRY_OBJ(text, &fb_text_obj),     PX_ENTRY_OBJ(vline, &fb_vline_obj),
};
static PX_CONST_MAP(fb_dict, fb_methods);

const px_type px_type_framebuf = {
    .base = {&px_type_type},
    .name = PX_Q(FrameBuffer),
    .flags = PX_TF_BASETYPE | PX_TF_REINIT,
    .base_type = &px_type_object,
    .dict = &fb_dict,
    .make = fb_make,
    .buffer = fb_buffer,
};

/* Sorted by name bytes. */
static const px_map_entry framebuf_table[] = {
    PX_ENTRY_OBJ(FrameBuffer, &px_type_framebuf),
    PX_ENTRY(GS2_HMSB, PX_SMALL_CONST(GS2_HMSB)),
    PX_ENTRY(GS4_HMSB, PX_SMALL_CONST(GS4_HMSB)),
    PX_ENTRY(GS8, PX_SMALL_CONST(GS8)),
    PX_ENTRY(MONO_HLSB, PX_SMALL_CONST(MONO_HLSB)),
    PX_ENTRY(MONO_HMSB, PX_SMALL_CONST(MONO_HMSB)),
    PX_ENTRY(MONO_VLSB, PX_SMALL_CONST(MONO_VLSB)),
    PX_ENTRY(MVLSB, PX_SMALL_CONST(MONO_VLSB)),
    PX_ENTRY(RGB565, PX_SMALL_CONST(RGB565)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(framebuf))),
};
static PX_CONST_MAP(framebuf_globals, framebuf_table);
PX_MODULE_DEF(framebuf, framebuf_globals, 0, NULL);
