/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registers of a BME280-style sensor (temperature, pressure,
 * humidity), shared by the bench's I2C adapter (px_i2c_sim, address 0x76)
 * and SPI controller (px_spi_loop, chip select 2): what the datasheet
 * lays out, with fixed readings.
 *
 *   0x88..0xa1  calibration T1..T3, P1..P9, H1 (the datasheet's example
 *               values for T and P, so the example's results come out:
 *               adc_T 519888 -> 25.08 degC, adc_P 415148 -> 100653 Pa)
 *   0xd0        chip id 0x60 (read-only: a write is refused)
 *   0xe0        reset: writing 0xb6 restores every register
 *   0xe1..0xe7  calibration H2..H6 (H4 and H5 12-bit, sharing 0xe5)
 *   0xf2..0xf5  ctrl_hum, status (never measuring), ctrl_meas, config
 *   0xf7..0xfe  the readings: pressure and temperature 20-bit, humidity
 *               16-bit, most significant byte first
 *
 * Writing ctrl_meas with forced mode (01 or 10) "measures" and returns
 * to sleep mode (00), as the part does when its one measurement is done.
 */
#ifndef PX_BME280_REGS_H
#define PX_BME280_REGS_H

#include <linux/string.h>
#include <linux/types.h>

#define PX_BME280_ID 0xd0
#define PX_BME280_RESET 0xe0
#define PX_BME280_CTRL_MEAS 0xf4

static void px_bme280_put16(u8 *mem, unsigned int reg, u16 v)
{
	mem[reg] = v & 0xff;	/* little endian, as the calibration words */
	mem[reg + 1] = v >> 8;
}

static void px_bme280_defaults(u8 mem[256])
{
	static const u16 tp[12] = {
		27504, 26435, (u16)-1000,				/* T1..T3 */
		36477, (u16)-10685, 3024, 2855, 140, (u16)-7, 15500,	/* P1..P7 */
		(u16)-14600, 6000,					/* P8, P9 */
	};
	unsigned int i;

	memset(mem, 0, 256);
	for (i = 0; i < 12; i++)
		px_bme280_put16(mem, 0x88 + 2 * i, tp[i]);
	mem[0xa1] = 75;				/* H1 */
	px_bme280_put16(mem, 0xe1, 362);	/* H2 */
	mem[0xe3] = 0;				/* H3 */
	mem[0xe4] = 313 >> 4;			/* H4 = 313: bits 11..4 */
	mem[0xe5] = (50 & 0xf) << 4 | (313 & 0xf);	/* H5 bits 3..0 | H4 bits 3..0 */
	mem[0xe6] = 50 >> 4;			/* H5 = 50: bits 11..4 */
	mem[0xe7] = 30;				/* H6 */
	mem[PX_BME280_ID] = 0x60;
	/* adc_P 415148, adc_T 519888, adc_H 30000 */
	mem[0xf7] = 0x65;
	mem[0xf8] = 0x5a;
	mem[0xf9] = 0xc0;
	mem[0xfa] = 0x7e;
	mem[0xfb] = 0xed;
	mem[0xfc] = 0x00;
	mem[0xfd] = 0x75;
	mem[0xfe] = 0x30;
}

/* Write a register; false if the part refuses it (the chip id). */
static bool px_bme280_write(u8 mem[256], u8 reg, u8 byte)
{
	if (reg == PX_BME280_ID)
		return false;
	if (reg == PX_BME280_RESET) {
		if (byte == 0xb6)
			px_bme280_defaults(mem);
		return true;
	}
	if (reg == PX_BME280_CTRL_MEAS && ((byte & 3) == 1 || (byte & 3) == 2))
		byte &= ~3;	/* one forced measurement, then sleep */
	mem[reg] = byte;
	return true;
}

#endif
