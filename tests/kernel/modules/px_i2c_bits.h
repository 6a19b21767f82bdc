/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An I2C target seen bit by bit: the state machine of a device on a
 * bit-banged bus, fed with the levels of SCL and SDA after every change
 * of either wire. It answers by the level it wants on SDA (0: pull low,
 * 1: let go), set before the controller's next clock edge, as a real
 * device's would be. px_gpio_loop puts it behind two of its wires.
 *
 * Behind it, a 256-byte memory at address PX_BITS_ADDR with an address
 * pointer (the first byte written sets it; it wraps at 256) whose top 16
 * bytes are read-only: writing one is NACKed, so controllers' NACK paths
 * can be tested. Each transaction, START to STOP, is recorded as a line
 * in the style of px_i2c_sim's log ("S 50 W 10 Sr 50 R 2 P"; NACK after
 * a byte the device refused, or after an address nobody has).
 */
#ifndef PX_I2C_BITS_H
#define PX_I2C_BITS_H

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#define PX_BITS_ADDR 0x50
#define PX_BITS_RO 0xf0		/* bytes from here on refuse writes */
#define PX_BITS_LOG 64		/* transactions kept */
#define PX_BITS_WIDTH 160

enum px_bits_mode { PX_BITS_IDLE, PX_BITS_ADDRESS, PX_BITS_WRITE, PX_BITS_READ };

struct px_bits {
	int scl, sda;		/* the wires' levels at the last look */
	int drive;		/* what the device wants on SDA: 0 pulls low */
	enum px_bits_mode mode;
	bool in_frame;		/* between START and STOP */
	bool read;		/* the address byte asked for a read */
	bool acked;		/* the controller ACKed the byte just read */
	bool started;		/* SCL has not fallen since the START */
	unsigned int bit;	/* 0..7 data bits, 8 the ACK bit */
	unsigned int written;	/* data bytes of this write */
	unsigned int nread;	/* bytes of this read */
	u8 byte;
	u8 ptr;
	u8 mem[256];
	char line[PX_BITS_WIDTH];
	size_t used;
	char log[PX_BITS_LOG][PX_BITS_WIDTH];
	unsigned int log_count;
};

static void px_bits_put(struct px_bits *b, const char *fmt, ...)
{
	va_list ap;

	if (b->used >= PX_BITS_WIDTH - 1)
		return;
	va_start(ap, fmt);
	b->used += vscnprintf(b->line + b->used, PX_BITS_WIDTH - b->used, fmt, ap);
	va_end(ap);
}

static void px_bits_end_read(struct px_bits *b)
{
	if (b->mode == PX_BITS_READ && b->nread > 0)
		px_bits_put(b, " %u", b->nread);
	b->nread = 0;
}

static void px_bits_log_line(struct px_bits *b)
{
	if (b->log_count == PX_BITS_LOG) {
		memmove(b->log[0], b->log[1], sizeof(b->log[0]) * (PX_BITS_LOG - 1));
		b->log_count--;
	}
	strscpy(b->log[b->log_count++], b->line, PX_BITS_WIDTH);
	b->used = 0;
	b->line[0] = '\0';
}

static void px_bits_reset(struct px_bits *b, int scl, int sda)
{
	memset(b, 0, sizeof(*b));
	memset(b->mem, 0xff, sizeof(b->mem));
	b->scl = scl;
	b->sda = sda;
	b->drive = 1;
}

static void px_bits_start(struct px_bits *b)
{
	px_bits_end_read(b);
	px_bits_put(b, b->in_frame ? " Sr " : "S ");
	b->in_frame = true;
	b->mode = PX_BITS_ADDRESS;
	b->started = true;
	b->bit = 0;
	b->byte = 0;
	b->drive = 1;
}

static void px_bits_stop(struct px_bits *b)
{
	px_bits_end_read(b);
	if (b->in_frame) {
		px_bits_put(b, " P");
		px_bits_log_line(b);
	}
	b->in_frame = false;
	b->mode = PX_BITS_IDLE;
	b->drive = 1;
}

/* The 8th bit of a byte the controller sent is in: ACK it or not. */
static void px_bits_byte_in(struct px_bits *b)
{
	bool ack;

	if (b->mode == PX_BITS_ADDRESS) {
		b->read = b->byte & 1;
		ack = (b->byte >> 1) == PX_BITS_ADDR;
		px_bits_put(b, "%02x %c", b->byte >> 1, b->read ? 'R' : 'W');
		b->written = 0;
	} else if (b->written++ == 0) {
		b->ptr = b->byte;
		ack = true;
		px_bits_put(b, " %02x", b->byte);
	} else {
		ack = b->ptr < PX_BITS_RO;
		if (ack)
			b->mem[b->ptr++] = b->byte;
		px_bits_put(b, " %02x", b->byte);
	}
	if (!ack)
		px_bits_put(b, " NACK");
	b->drive = ack ? 0 : 1;
	b->bit = 8;
	if (!ack)
		b->mode = PX_BITS_IDLE;	/* deaf until the next START or STOP */
}

/* SCL went low: move on to the next bit. */
static void px_bits_falling(struct px_bits *b)
{
	if (b->started) {	/* the end of the START, not of a bit */
		b->started = false;
		return;
	}
	switch (b->mode) {
	case PX_BITS_IDLE:
		b->drive = 1;
		break;
	case PX_BITS_ADDRESS:
	case PX_BITS_WRITE:
		if (b->bit < 7) {
			b->bit++;
		} else if (b->bit == 7) {
			px_bits_byte_in(b);
		} else {		/* the ACK bit is over */
			b->drive = 1;
			b->bit = 0;
			if (b->mode == PX_BITS_ADDRESS && b->read) {
				b->mode = PX_BITS_READ;
				b->byte = b->mem[b->ptr++];
				b->nread = 1;
				b->drive = b->byte >> 7;
			} else {
				b->mode = PX_BITS_WRITE;
				b->byte = 0;
			}
		}
		break;
	case PX_BITS_READ:
		if (b->bit < 7) {
			b->bit++;
			b->drive = (b->byte >> (7 - b->bit)) & 1;
		} else if (b->bit == 7) {
			b->bit = 8;
			b->drive = 1;	/* the controller answers */
		} else if (b->acked) {
			b->bit = 0;
			b->byte = b->mem[b->ptr++];
			b->nread++;
			b->drive = b->byte >> 7;
		} else {		/* NACK: the controller is done */
			px_bits_end_read(b);
			b->mode = PX_BITS_IDLE;
			b->drive = 1;
		}
		break;
	}
}

/* SCL went high: the bit on SDA is valid. */
static void px_bits_rising(struct px_bits *b)
{
	if ((b->mode == PX_BITS_ADDRESS || b->mode == PX_BITS_WRITE) && b->bit < 8)
		b->byte = (u8)(b->byte << 1 | b->sda);
	else if (b->mode == PX_BITS_READ && b->bit == 8)
		b->acked = b->sda == 0;
}

/* The wires are now at scl and sda. Returns true if the device's drive
 * changed (the caller puts it on SDA and calls again). */
static bool px_bits_update(struct px_bits *b, int scl, int sda)
{
	int before = b->drive;

	if (scl == b->scl && sda != b->sda && scl) {
		b->sda = sda;
		if (sda)
			px_bits_stop(b);
		else
			px_bits_start(b);
	} else {
		b->sda = sda;
		if (scl != b->scl) {
			b->scl = scl;
			if (scl)
				px_bits_rising(b);
			else
				px_bits_falling(b);
		}
	}
	return b->drive != before;
}

#endif
