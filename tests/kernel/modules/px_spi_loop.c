// SPDX-License-Identifier: GPL-2.0
/*
 * px_spi_loop: an SPI controller (bus 0) whose MOSI is wired to its MISO,
 * for the micropython kernel bench. Three devices, chip selects 0, 1 and 2,
 * are bound to spidev (/dev/spidev0.0 .. /dev/spidev0.2) through
 * driver_override, as a user would bind them from sysfs. Chip select 2 is
 * not wired to the loopback but to a BME280-style sensor (the registers
 * of px_bme280_regs.h) speaking the part's SPI protocol: after the chip
 * select falls, a control byte whose top bit is 1 for a read and 0 for a
 * write names the register (the top bit of the address is implied 1);
 * a read then sends register after register, a write takes one data byte
 * and the next byte is a control byte again.
 *
 * The controller takes modes 0-3, SPI_CS_HIGH, SPI_LSB_FIRST and
 * SPI_NO_CS, words of 8, 16 and 32 bits, and 10 kHz to 50 MHz (the SPI core
 * lowers faster transfers to 50 MHz and refuses slower ones). Every word
 * sent is received (loopback), so what a program writes it reads back.
 *
 * What the controller received is recorded, one line per event, in
 * /sys/kernel/debug/px_spi_loop/log (writing to the file empties it):
 *
 *   cs0 low                  chip select 0 driven low (high: driven high)
 *   xfer cs0 mode=3 lsb speed=1000000 bits=8 len=4 tx=de ad be ef
 *
 * mode is the clock mode (CPOL << 1 | CPHA), followed by the words
 * cs-high, lsb and no-cs for those flags; tx shows the first 8 bytes as
 * they reached the controller, keep means cs_change on the transfer (the
 * chip select stays asserted after the message).
 *
 * The parameter lsb_first (default Y) set to N withdraws SPI_LSB_FIRST
 * from the controller's modes, as many real controllers lack it.
 */
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>
#include <linux/string.h>

#include "px_bme280_regs.h"

#define PX_LOG_LINES 64
#define PX_LOG_WIDTH 128
#define PX_MODES (SPI_CPOL | SPI_CPHA | SPI_CS_HIGH | SPI_NO_CS)

static struct platform_device *px_pdev;
static struct spi_controller *px_ctlr;
static struct dentry *px_debugfs;

/* ---- the log */

static DEFINE_MUTEX(px_log_lock);
static char px_log[PX_LOG_LINES][PX_LOG_WIDTH];
static unsigned int px_log_count;

static __printf(1, 2) void px_log_add(const char *fmt, ...)
{
	va_list ap;

	mutex_lock(&px_log_lock);
	if (px_log_count == PX_LOG_LINES) {
		memmove(px_log[0], px_log[1], sizeof(px_log[0]) * (PX_LOG_LINES - 1));
		px_log_count--;
	}
	va_start(ap, fmt);
	vscnprintf(px_log[px_log_count++], PX_LOG_WIDTH, fmt, ap);
	va_end(ap);
	mutex_unlock(&px_log_lock);
}

static int px_log_show(struct seq_file *s, void *unused)
{
	unsigned int i;

	mutex_lock(&px_log_lock);
	for (i = 0; i < px_log_count; i++)
		seq_printf(s, "%s\n", px_log[i]);
	mutex_unlock(&px_log_lock);
	return 0;
}

static int px_log_open(struct inode *inode, struct file *file)
{
	return single_open(file, px_log_show, NULL);
}

static ssize_t px_log_clear(struct file *file, const char __user *buf, size_t len, loff_t *pos)
{
	mutex_lock(&px_log_lock);
	px_log_count = 0;
	mutex_unlock(&px_log_lock);
	return len;
}

static const struct file_operations px_log_fops = {
	.owner = THIS_MODULE,
	.open = px_log_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = px_log_clear,
};

/* ---- the sensor on chip select 2 */

#define PX_SENSOR_CS 2

static u8 px_sensor_mem[256];
static int px_sensor_reg = -1;	/* -1: the next byte is a control byte */
static bool px_sensor_reading;

static u8 px_sensor_byte(u8 tx)
{
	u8 rx = 0xff;	/* MISO is not driven during control and write bytes */

	if (px_sensor_reg < 0) {
		px_sensor_reg = tx | 0x80;
		px_sensor_reading = tx & 0x80;
	} else if (px_sensor_reading) {
		rx = px_sensor_mem[px_sensor_reg];
		px_sensor_reg = (px_sensor_reg + 1) & 0xff;
	} else {
		px_bme280_write(px_sensor_mem, px_sensor_reg, tx);
		px_sensor_reg = -1;
	}
	return rx;
}

/* ---- the controller */

/* The SPI core passes the level of the line: for an active-low chip
 * select, false while the device is selected. */
static void px_set_cs(struct spi_device *spi, bool level)
{
	if (spi->mode & SPI_NO_CS)
		return;	/* the device has no chip select from us */
	if (spi->chip_select == PX_SENSOR_CS && level == !!(spi->mode & SPI_CS_HIGH))
		px_sensor_reg = -1;	/* selected: a new command begins */
	px_log_add("cs%u %s", spi->chip_select, level ? "high" : "low");
}

static int px_transfer_one(struct spi_controller *ctlr, struct spi_device *spi,
			   struct spi_transfer *t)
{
	char tx[3 * 8 + 1];
	unsigned int i, n = min_t(unsigned int, t->len, 8);
	size_t used = 0;

	tx[0] = '\0';
	for (i = 0; t->tx_buf && i < n; i++)
		used += scnprintf(tx + used, sizeof(tx) - used, " %02x", ((const u8 *)t->tx_buf)[i]);
	px_log_add("xfer cs%u mode=%u%s%s%s speed=%u bits=%u len=%u%s%s%s",
		   spi->chip_select, (unsigned int)(spi->mode & (SPI_CPOL | SPI_CPHA)),
		   spi->mode & SPI_CS_HIGH ? " cs-high" : "",
		   spi->mode & SPI_LSB_FIRST ? " lsb" : "",
		   spi->mode & SPI_NO_CS ? " no-cs" : "",
		   t->speed_hz, t->bits_per_word, t->len,
		   t->cs_change ? " keep" : "", tx[0] ? " tx=" : "", tx[0] ? tx + 1 : tx);
	if (spi->chip_select == PX_SENSOR_CS) {
		for (i = 0; i < t->len; i++) {
			u8 rx = px_sensor_byte(t->tx_buf ? ((const u8 *)t->tx_buf)[i] : 0);

			if (t->rx_buf)
				((u8 *)t->rx_buf)[i] = rx;
		}
		return 0;
	}
	/* MOSI is wired to MISO */
	if (t->rx_buf) {
		if (t->tx_buf)
			memcpy(t->rx_buf, t->tx_buf, t->len);
		else
			memset(t->rx_buf, 0, t->len);	/* MOSI idles low */
	}
	return 0;	/* done */
}

static bool px_lsb_first = true;

static int px_lsb_first_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	WRITE_ONCE(px_lsb_first, on);
	/* spi_setup() checks a device's mode against these */
	if (px_ctlr)
		WRITE_ONCE(px_ctlr->mode_bits, PX_MODES | (on ? SPI_LSB_FIRST : 0));
	return 0;
}

static int px_lsb_first_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(px_lsb_first) ? 'Y' : 'N');
}

static const struct kernel_param_ops px_lsb_first_ops = {
	.set = px_lsb_first_set,
	.get = px_lsb_first_get,
};
module_param_cb(lsb_first, &px_lsb_first_ops, NULL, 0644);
MODULE_PARM_DESC(lsb_first, "the controller can send the least significant bit first");

/* A device on chip select cs, bound to spidev. */
static int px_add_spidev(unsigned int cs)
{
	struct spi_device *spi = spi_alloc_device(px_ctlr);
	int ret;

	if (!spi)
		return -ENOMEM;
	spi->chip_select = cs;
	spi->max_speed_hz = 1000000;
	spi->mode = SPI_MODE_0;
	strscpy(spi->modalias, "spidev", sizeof(spi->modalias));
	ret = driver_set_override(&spi->dev, &spi->driver_override, "spidev", strlen("spidev"));
	if (!ret)
		ret = spi_add_device(spi);
	if (ret)
		spi_dev_put(spi);
	return ret;
}

static int __init px_spi_loop_init(void)
{
	int ret;

	px_pdev = platform_device_register_simple("px-spi-loop", PLATFORM_DEVID_NONE, NULL, 0);
	if (IS_ERR(px_pdev))
		return PTR_ERR(px_pdev);
	px_ctlr = spi_alloc_master(&px_pdev->dev, 0);
	if (!px_ctlr) {
		ret = -ENOMEM;
		goto err_pdev;
	}
	px_ctlr->bus_num = 0;
	px_ctlr->num_chipselect = 3;
	px_bme280_defaults(px_sensor_mem);
	px_ctlr->mode_bits = PX_MODES | (px_lsb_first ? SPI_LSB_FIRST : 0);
	px_ctlr->bits_per_word_mask = SPI_BPW_MASK(8) | SPI_BPW_MASK(16) | SPI_BPW_MASK(32);
	px_ctlr->min_speed_hz = 10000;
	px_ctlr->max_speed_hz = 50000000;
	px_ctlr->set_cs = px_set_cs;
	px_ctlr->transfer_one = px_transfer_one;
	ret = spi_register_controller(px_ctlr);
	if (ret) {
		spi_controller_put(px_ctlr);
		goto err_pdev;
	}
	ret = px_add_spidev(0);
	if (!ret)
		ret = px_add_spidev(1);
	if (!ret)
		ret = px_add_spidev(PX_SENSOR_CS);
	if (ret)
		goto err_ctlr;
	px_debugfs = debugfs_create_dir("px_spi_loop", NULL);
	debugfs_create_file("log", 0600, px_debugfs, NULL, &px_log_fops);
	return 0;

err_ctlr:
	spi_unregister_controller(px_ctlr);	/* and its devices */
err_pdev:
	px_ctlr = NULL;
	platform_device_unregister(px_pdev);
	return ret;
}

static void __exit px_spi_loop_exit(void)
{
	debugfs_remove_recursive(px_debugfs);
	spi_unregister_controller(px_ctlr);
	platform_device_unregister(px_pdev);
}

module_init(px_spi_loop_init);
module_exit(px_spi_loop_exit);
MODULE_DESCRIPTION("Loopback SPI controller for the micropython kernel bench");
MODULE_LICENSE("GPL");
