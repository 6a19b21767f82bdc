// SPDX-License-Identifier: GPL-2.0
/*
 * px_i2c_sim: an I2C adapter with simulated devices on its bus, for the
 * micropython kernel bench. Unlike the kernel's i2c-stub (SMBus only), it
 * carries full I2C transfers: any sequence of read and write messages with
 * repeated starts, as a hardware controller would.
 *
 * Devices (7-bit addresses):
 *   0x50  24C02-style EEPROM: 256 bytes, one address byte, 8-byte pages
 *   0x54  24C32-style EEPROM: 4096 bytes, two address bytes (high first),
 *         32-byte pages
 *   0x3c  an SSD1306-style 128x64 OLED controller (px_ssd1306_sim.h), its
 *         state and display RAM shown in /sys/kernel/debug/px_i2c_sim/ssd1306
 *         (a header line, then 64 rows of 128 pixels, # on and . off)
 *   0x76  a BME280-style sensor (px_bme280_regs.h): 256 registers behind
 *         a register pointer that auto-increments; 0xd0 (chip id) reads
 *         0x60 and NACKs writes; writing 0xb6 to 0xe0 resets the registers
 *
 * EEPROMs behave as the real parts: a write message sets the address
 * pointer, its further bytes are stored and the pointer wraps within the
 * page; a read message reads from the pointer, wrapping at the end of the
 * memory. Writes take effect at once (no write cycle time).
 *
 * Every transfer (one call of master_xfer) is recorded as one line in
 * /sys/kernel/debug/px_i2c_sim/transfers, e.g. "S 50 W 00 Sr 50 R 4 P":
 * start, address, direction and data of each message, Sr for a repeated
 * start, NACK where a device refused, P for the stop. Writing to the file
 * empties it. So tests can tell one combined transfer from two.
 *
 * The parameter zero_len (default Y) can be set to N to give the adapter
 * the I2C_AQ_NO_ZERO_LEN quirk that some controllers have: the I2C core
 * then refuses zero-length messages with EOPNOTSUPP.
 */
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/i2c.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "px_bme280_regs.h"
#include "px_ssd1306_sim.h"

#define PX_LOG_LINES 128	/* a whole scan() */
#define PX_LOG_WIDTH 200

struct px_dev;

struct px_dev_ops {
	/* a write message's byte; false: NACK it */
	bool (*write)(struct px_dev *d, u8 byte, unsigned int index);
	u8 (*read)(struct px_dev *d);
};

struct px_dev {
	u16 addr;
	const struct px_dev_ops *ops;
	unsigned int size, page, addr_bytes;	/* EEPROMs */
	unsigned int ptr;			/* address or register pointer */
	u8 mem[4096];
};

static struct px_dev px_devs[4];
static struct px_ssd1306 px_display;

/* ---- EEPROMs */

static bool px_eeprom_write(struct px_dev *d, u8 byte, unsigned int index)
{
	if (index < d->addr_bytes) {
		d->ptr = index == 0 ? byte : (d->ptr << 8 | byte);
		d->ptr %= d->size;
		return true;
	}
	d->mem[d->ptr] = byte;
	/* the pointer wraps within the page, as in the real parts */
	d->ptr = (d->ptr & ~(d->page - 1)) | ((d->ptr + 1) & (d->page - 1));
	return true;
}

static u8 px_eeprom_read(struct px_dev *d)
{
	u8 byte = d->mem[d->ptr];

	d->ptr = (d->ptr + 1) % d->size;
	return byte;
}

static const struct px_dev_ops px_eeprom_ops = {
	.write = px_eeprom_write,
	.read = px_eeprom_read,
};

/* ---- the sensor */

static bool px_sensor_write(struct px_dev *d, u8 byte, unsigned int index)
{
	if (index == 0) {
		d->ptr = byte;
		return true;
	}
	if (!px_bme280_write(d->mem, d->ptr, byte))
		return false;
	d->ptr = (d->ptr + 1) & 0xff;
	return true;
}

static u8 px_sensor_read(struct px_dev *d)
{
	u8 byte = d->mem[d->ptr];

	d->ptr = (d->ptr + 1) & 0xff;
	return byte;
}

static const struct px_dev_ops px_sensor_ops = {
	.write = px_sensor_write,
	.read = px_sensor_read,
};

/* ---- the display */

static bool px_display_write(struct px_dev *d, u8 byte, unsigned int index)
{
	px_ssd1306_byte(&px_display, byte, index);
	return true;
}

static u8 px_display_read(struct px_dev *d)
{
	return px_display.on ? 0x00 : 0x40;	/* the status byte: D6 set while off */
}

static const struct px_dev_ops px_display_ops = {
	.write = px_display_write,
	.read = px_display_read,
};

static DEFINE_MUTEX(px_xfer_lock);	/* transfers against the display dump */

static int px_display_show(struct seq_file *sf, void *unused)
{
	struct px_ssd1306 *s = &px_display;
	unsigned int x, y;

	mutex_lock(&px_xfer_lock);
	seq_printf(sf, "%s contrast=%u inverse=%u\n", s->on ? "on" : "off", s->contrast, s->inverse);
	for (y = 0; y < 64; y++) {
		for (x = 0; x < 128; x++)
			seq_putc(sf, s->ram[y / 8][x] >> (y % 8) & 1 ? '#' : '.');
		seq_putc(sf, '\n');
	}
	mutex_unlock(&px_xfer_lock);
	return 0;
}

static int px_display_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, px_display_show, NULL, 64 * 130 + 64);
}

static const struct file_operations px_display_fops = {
	.owner = THIS_MODULE,
	.open = px_display_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct px_dev *px_find(u16 addr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(px_devs); i++)
		if (px_devs[i].addr == addr)
			return &px_devs[i];
	return NULL;
}

/* ---- the transfer log */

static DEFINE_MUTEX(px_log_lock);
static char px_log[PX_LOG_LINES][PX_LOG_WIDTH];
static unsigned int px_log_count;	/* lines in use; the oldest go first */

static void px_log_add(const char *line)
{
	mutex_lock(&px_log_lock);
	if (px_log_count == PX_LOG_LINES) {
		memmove(px_log[0], px_log[1], sizeof(px_log[0]) * (PX_LOG_LINES - 1));
		px_log_count--;
	}
	strscpy(px_log[px_log_count++], line, PX_LOG_WIDTH);
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

/* ---- the adapter */

/* Append to the line being built, keeping it terminated. */
static void px_put(char *line, size_t *used, const char *fmt, ...)
{
	va_list ap;

	if (*used >= PX_LOG_WIDTH - 1)
		return;
	va_start(ap, fmt);
	*used += vscnprintf(line + *used, PX_LOG_WIDTH - *used, fmt, ap);
	va_end(ap);
}

static int px_xfer(struct i2c_adapter *adap, struct i2c_msg *msgs, int num)
{
	char line[PX_LOG_WIDTH];
	size_t used = 0;
	int i, ret = num;

	line[0] = '\0';
	mutex_lock(&px_xfer_lock);
	for (i = 0; i < num && ret == num; i++) {
		struct i2c_msg *m = &msgs[i];
		struct px_dev *d = px_find(m->addr);
		bool rd = m->flags & I2C_M_RD;
		unsigned int k;

		px_put(line, &used, "%s%02x %c", i ? " Sr " : "S ", m->addr, rd ? 'R' : 'W');
		if (!d) {
			px_put(line, &used, " NACK");
			ret = -ENXIO;	/* nobody answered the address */
			break;
		}
		if (rd) {
			for (k = 0; k < m->len; k++)
				m->buf[k] = d->ops->read(d);
			px_put(line, &used, " %u", m->len);
			continue;
		}
		for (k = 0; k < m->len; k++) {
			if (k < 8)
				px_put(line, &used, " %02x", m->buf[k]);
			else if (k == 8)
				px_put(line, &used, " ..%u", m->len);
			if (!d->ops->write(d, m->buf[k], k)) {
				px_put(line, &used, " NACK");
				ret = -EREMOTEIO;	/* a data byte was refused */
				break;
			}
		}
	}
	mutex_unlock(&px_xfer_lock);
	px_put(line, &used, " P");
	px_log_add(line);
	return ret;
}

static u32 px_func(struct i2c_adapter *adap)
{
	return I2C_FUNC_I2C | I2C_FUNC_SMBUS_EMUL;
}

static const struct i2c_algorithm px_algo = {
	.master_xfer = px_xfer,
	.functionality = px_func,
};

static const struct i2c_adapter_quirks px_no_zero_len = {
	.flags = I2C_AQ_NO_ZERO_LEN,
};

static struct i2c_adapter px_adap = {
	.owner = THIS_MODULE,
	.name = "px-i2c-sim",
	.algo = &px_algo,
	.nr = -1,
};

static int px_zero_len_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	/* the I2C core reads the quirks at each transfer */
	WRITE_ONCE(px_adap.quirks, on ? NULL : &px_no_zero_len);
	return 0;
}

static int px_zero_len_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(px_adap.quirks) ? 'N' : 'Y');
}

static const struct kernel_param_ops px_zero_len_ops = {
	.set = px_zero_len_set,
	.get = px_zero_len_get,
};
module_param_cb(zero_len, &px_zero_len_ops, NULL, 0644);
MODULE_PARM_DESC(zero_len, "the adapter accepts zero-length messages (N: I2C_AQ_NO_ZERO_LEN)");

static struct dentry *px_debugfs;

static int __init px_i2c_sim_init(void)
{
	int ret;

	px_devs[0] = (struct px_dev){ .addr = 0x50, .ops = &px_eeprom_ops, .size = 256, .page = 8,
				      .addr_bytes = 1 };
	px_devs[1] = (struct px_dev){ .addr = 0x54, .ops = &px_eeprom_ops, .size = 4096, .page = 32,
				      .addr_bytes = 2 };
	px_devs[2] = (struct px_dev){ .addr = 0x76, .ops = &px_sensor_ops };
	px_devs[3] = (struct px_dev){ .addr = 0x3c, .ops = &px_display_ops };
	px_ssd1306_reset(&px_display);
	memset(px_devs[0].mem, 0xff, 256);	/* erased */
	memset(px_devs[1].mem, 0xff, 4096);
	px_bme280_defaults(px_devs[2].mem);
	ret = i2c_add_adapter(&px_adap);
	if (ret)
		return ret;
	px_debugfs = debugfs_create_dir("px_i2c_sim", NULL);
	debugfs_create_file("transfers", 0600, px_debugfs, NULL, &px_log_fops);
	debugfs_create_file("ssd1306", 0400, px_debugfs, NULL, &px_display_fops);
	return 0;
}

static void __exit px_i2c_sim_exit(void)
{
	debugfs_remove_recursive(px_debugfs);
	i2c_del_adapter(&px_adap);
}

module_init(px_i2c_sim_init);
module_exit(px_i2c_sim_exit);
MODULE_DESCRIPTION("I2C adapter with simulated EEPROMs and a sensor for the micropython kernel bench");
MODULE_LICENSE("GPL");
