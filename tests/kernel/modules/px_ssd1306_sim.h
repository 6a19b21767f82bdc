/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An SSD1306-style 128x64 monochrome OLED controller as its I2C side sees
 * it (px_i2c_sim puts one at 0x3c): every write message starts with a
 * control byte; Co (bit 7) = 1 means one byte follows and then another
 * control byte, Co = 0 that the rest of the message is of one kind; D/C
 * (bit 6) says whether those bytes are data for the display RAM (1) or
 * commands (0). Commands with arguments take them from the following
 * command bytes.
 *
 * The display RAM is 8 pages of 128 columns, one byte a column of 8
 * pixels (bit 0 on top). Data bytes are stored at the column and page
 * pointers, which move as the addressing mode says (0x20: horizontal,
 * vertical or page) within the window set by 0x21 (columns) and 0x22
 * (pages), or by 0xb0-0xb7 and 0x00-0x1f in page mode. On/off (0xae,
 * 0xaf), inverse (0xa6, 0xa7) and contrast (0x81) are kept for tests to
 * read; the other setup commands are taken with their arguments and
 * change nothing here (no scrolling, remapping or multiplexing).
 */
#ifndef PX_SSD1306_SIM_H
#define PX_SSD1306_SIM_H

#include <linux/string.h>
#include <linux/types.h>

struct px_ssd1306 {
	u8 ram[8][128];
	bool on, inverse;
	u8 contrast, mode;		/* mode: 0 horizontal, 1 vertical, 2 page */
	u8 col, page;			/* the RAM pointers */
	u8 col_lo, col_hi, page_lo, page_hi;	/* the window */
	bool ctl_next;			/* the next byte is a control byte */
	bool single;			/* Co = 1: one byte, then a control byte */
	bool data;			/* D/C of the bytes after the control byte */
	u8 cmd, want, got, args[6];	/* a command collecting its arguments */
};

static void px_ssd1306_reset(struct px_ssd1306 *s)
{
	memset(s, 0, sizeof(*s));
	s->contrast = 0x7f;
	s->mode = 2;			/* page mode after reset, as the part */
	s->col_hi = 127;
	s->page_hi = 7;
}

/* How many argument bytes a command takes. */
static u8 px_ssd1306_nargs(u8 cmd)
{
	switch (cmd) {
	case 0x20: case 0x81: case 0x8d: case 0xa8: case 0xd3: case 0xd5:
	case 0xd9: case 0xda: case 0xdb:
		return 1;
	case 0x21: case 0x22: case 0xa3:
		return 2;
	case 0x29: case 0x2a:
		return 5;
	case 0x26: case 0x27:
		return 6;
	default:
		return 0;
	}
}

static void px_ssd1306_command(struct px_ssd1306 *s, u8 cmd, const u8 *a)
{
	if (cmd == 0x20) {
		s->mode = a[0] & 3;
	} else if (cmd == 0x21) {
		s->col_lo = a[0] & 127;
		s->col_hi = a[1] & 127;
		s->col = s->col_lo;
	} else if (cmd == 0x22) {
		s->page_lo = a[0] & 7;
		s->page_hi = a[1] & 7;
		s->page = s->page_lo;
	} else if (cmd == 0x81) {
		s->contrast = a[0];
	} else if (cmd == 0xae || cmd == 0xaf) {
		s->on = cmd & 1;
	} else if (cmd == 0xa6 || cmd == 0xa7) {
		s->inverse = cmd & 1;
	} else if (cmd >= 0xb0 && cmd <= 0xb7) {
		s->page = cmd & 7;
	} else if (cmd <= 0x0f) {
		s->col = (s->col & 0xf0) | cmd;
	} else if (cmd <= 0x1f) {
		s->col = (s->col & 0x0f) | (cmd & 7) << 4;
	}
}

static void px_ssd1306_data(struct px_ssd1306 *s, u8 byte)
{
	s->ram[s->page & 7][s->col & 127] = byte;
	if (s->mode == 0) {			/* horizontal: column, then page */
		if (s->col++ >= s->col_hi) {
			s->col = s->col_lo;
			s->page = s->page >= s->page_hi ? s->page_lo : s->page + 1;
		}
	} else if (s->mode == 1) {		/* vertical: page, then column */
		if (s->page++ >= s->page_hi) {
			s->page = s->page_lo;
			s->col = s->col >= s->col_hi ? s->col_lo : s->col + 1;
		}
	} else {				/* page: the column wraps in its page */
		s->col = (s->col + 1) & 127;
	}
}

/* A byte of a write message; index 0 is the message's first. */
static void px_ssd1306_byte(struct px_ssd1306 *s, u8 byte, unsigned int index)
{
	if (index == 0 || s->ctl_next) {
		s->single = byte & 0x80;
		s->data = byte & 0x40;
		s->ctl_next = false;
		return;
	}
	if (s->single)
		s->ctl_next = true;
	if (s->data) {
		px_ssd1306_data(s, byte);
	} else if (s->want > s->got) {
		s->args[s->got++] = byte;
		if (s->got == s->want) {
			px_ssd1306_command(s, s->cmd, s->args);
			s->want = s->got = 0;
		}
	} else {
		s->cmd = byte;
		s->want = px_ssd1306_nargs(byte);
		s->got = 0;
		if (!s->want)
			px_ssd1306_command(s, byte, s->args);
	}
}

#endif
