/* The font of framebuf.text() (framebuf_font.c, generated). */
#ifndef PX_FRAMEBUF_FONT_H
#define PX_FRAMEBUF_FONT_H

#include <stdint.h>

/* Glyphs of characters 32..127 (127 stands for every other character):
 * 8 columns, bit 0 of each byte the top row. */
extern const uint8_t px_framebuf_font[96][8];

#endif
