// SPDX-License-Identifier: GPL-2.0
/*
 * px_gpio_loop: two test GPIO chips whose lines are wired in loopback pairs
 * (line 2k <-> line 2k+1), for the micropython kernel bench.
 *
 *   px-gpio-loop0: 28 lines GPIO0..GPIO27 (registered first: gpiochip0)
 *   px-gpio-loop1:  8 lines AUX0..AUX7; AUX7 is held by this module as
 *                   "spi0 CS0", so userspace sees a line used by the kernel
 *
 * Each pair is one wire. A line reads what it drives itself, else what its
 * partner drives, else its own bias (pull-up 1, pull-down 0, none 0).
 * Open-drain outputs drive only 0, open-source outputs only 1.
 *
 * Every line is an interrupt source (GPIOLIB_IRQCHIP, edge triggers). A
 * state change computes which lines of the pair changed level and raises
 * each resulting edge from a per-line irq_work (hard IRQ context, as real
 * hardware would), then waits until the IRQ's handlers, threaded ones
 * included, have finished before the next edge or change. So gpiolib-cdev
 * (threaded one-shot handlers that read the line to label an edge when both
 * edges are requested) sees every edge, one at a time, with the level of
 * that edge. This needs a sleeping set(), hence can_sleep.
 *
 * A released line returns to its power-on state (input, no bias,
 * push-pull) so that tests do not inherit each other's configuration.
 *
 * The parameter i2c_bus (Y/N) puts a simulated I2C device (px_i2c_bits.h)
 * on two wires of px-gpio-loop0: SCL is the pair GPIO16-GPIO17, SDA the
 * pair GPIO18-GPIO19. The controller (a bit-banging program) uses GPIO16
 * and GPIO18; the device holds GPIO17 and GPIO19 ("px-i2c-bits SCL",
 * "... SDA") and pulls SDA low through GPIO19 as an open-drain output.
 * The four lines then have the bus's pull-up resistors: a wire nobody
 * pulls low reads 1 whatever the lines' bias. Each change of one of them
 * is shown to the device at once, so it has answered before the
 * controller's next call. /sys/kernel/debug/px_gpio_loop/i2c lists its
 * transactions; writing to the file empties the list.
 *
 * The parameter aux_plugged (/sys/module/px_gpio_loop/parameters/) unplugs
 * px-gpio-loop1 when set to N and plugs a new one in when set to Y: the chip
 * is removed even while user space holds its lines, as when a USB GPIO
 * adapter is pulled out. Two 6.1 gpiolib shortcomings are worked around
 * here, so that the unplug itself is clean and user space's handling of it
 * can be tested:
 *  - gpiochip_remove() disposes of IRQs that are still requested (warning,
 *    then use-after-free when the user frees them). So the chip keeps its
 *    IRQ domain itself: an unplugged chip stays allocated, "gone", until its
 *    last IRQ is freed, and is reaped at the next plug change or unload.
 *  - A chip removed with lines requested leaves its gpio_device behind with
 *    no chip, which gpio_name_to_desc() (used for gc->names) dereferences.
 *    So AUX line names come from a "gpio-line-names" software node instead.
 */
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "px_i2c_bits.h"

#define PX_MAX_LINES 28

enum px_drive { PX_PUSH_PULL, PX_OPEN_DRAIN, PX_OPEN_SOURCE };
enum px_bias { PX_BIAS_NONE, PX_BIAS_UP, PX_BIAS_DOWN };
enum px_op { PX_OP_VALUE, PX_OP_INPUT, PX_OP_OUTPUT, PX_OP_DRIVE, PX_OP_BIAS, PX_OP_RESET };

struct px_chip;

struct px_line {
	struct px_chip *chip;
	unsigned int offset;
	u8 is_out, value, drive, bias;
	unsigned int irq_type;	/* IRQ_TYPE_EDGE_* bits set by the IRQ's user */
	bool irq_used;		/* requested as an interrupt */
	bool irq_unmasked;
	bool latched;		/* an edge came while masked: raise it at unmask */
	struct irq_work work;	/* raises this line's interrupt */
};

struct px_chip {
	struct gpio_chip gc;
	raw_spinlock_t lock;		/* line state; also taken in IRQ context */
	struct mutex change_lock;	/* one change and its edges at a time */
	struct px_line lines[PX_MAX_LINES];
	char names[PX_MAX_LINES][8];
	const char *name_ptrs[PX_MAX_LINES];
	struct gpio_desc *own;		/* the line the kernel holds, or NULL */
	struct irq_domain *domain;	/* ours once the chip is unplugged */
	bool gone;			/* unplugged; waits for its IRQs to be freed */
	struct px_bits *bus;		/* the I2C device on the bus lines, or NULL */
	struct gpio_desc *bus_own[2];	/* its SCL and SDA lines */
	struct list_head stale;		/* on px_stale while gone */
};

static struct platform_device *px_pdev;
static struct px_chip px_chip0;
static struct px_chip *px_aux;		/* px-gpio-loop1 while plugged in */
static struct fwnode_handle *px_aux_node; /* its line names */
static LIST_HEAD(px_stale);		/* unplugged chips with IRQs in use */

static DEFINE_MUTEX(px_plug_lock);	/* aux_plugged against load and unload */
static bool px_loaded;			/* between init and exit */

#define PX_BUS_FIRST 16			/* GPIO16..GPIO19: SCL pair, SDA pair */
#define PX_BUS_SCL 16			/* the controller's SCL */
#define PX_BUS_SDA 18			/* the controller's SDA */
#define PX_BUS_DEV_SDA 19		/* the device's SDA */

static bool px_on_bus(const struct px_chip *c, unsigned int off)
{
	return c->bus && off >= PX_BUS_FIRST && off < PX_BUS_FIRST + 4;
}

/* Does the line drive its wire, and to which level? */
static bool px_drives(const struct px_line *l, int *level)
{
	if (!l->is_out)
		return false;
	if (l->drive == PX_OPEN_DRAIN && l->value)
		return false;
	if (l->drive == PX_OPEN_SOURCE && !l->value)
		return false;
	*level = l->value;
	return true;
}

/* The level line `off` reads. Caller holds c->lock. */
static int px_level(struct px_chip *c, unsigned int off)
{
	int level;

	if (px_drives(&c->lines[off], &level))
		return level;
	if (px_drives(&c->lines[off ^ 1], &level))
		return level;
	if (px_on_bus(c, off))
		return 1;	/* the bus's pull-up resistors */
	return c->lines[off].bias == PX_BIAS_UP;
}

static void px_apply(struct px_line *l, enum px_op op, int arg)
{
	switch (op) {
	case PX_OP_VALUE:
		l->value = arg;
		break;
	case PX_OP_INPUT:
		l->is_out = 0;
		break;
	case PX_OP_OUTPUT:
		l->value = arg;
		l->is_out = 1;
		break;
	case PX_OP_DRIVE:
		l->drive = arg;
		break;
	case PX_OP_BIAS:
		l->bias = arg;
		break;
	case PX_OP_RESET:
		l->is_out = 0;
		l->value = 0;
		l->drive = PX_PUSH_PULL;
		l->bias = PX_BIAS_NONE;
		break;
	}
}

static void px_irq_work(struct irq_work *work)
{
	struct px_line *l = container_of(work, struct px_line, work);

	generic_handle_domain_irq(l->chip->domain, l->offset);
}

/* Line `off` changed to `level`: raise the edge if its trigger wants it,
 * and wait until every handler of the interrupt has run. */
static void px_edge(struct px_chip *c, unsigned int off, int level)
{
	struct px_line *l = &c->lines[off];
	unsigned int want = level ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_EDGE_FALLING;
	unsigned long flags;
	unsigned int virq;
	bool fire;

	raw_spin_lock_irqsave(&c->lock, flags);
	fire = l->irq_used && (l->irq_type & want);
	if (fire && !l->irq_unmasked) {
		l->latched = true;
		fire = false;
	}
	raw_spin_unlock_irqrestore(&c->lock, flags);
	if (!fire)
		return;
	irq_work_queue(&l->work);
	irq_work_sync(&l->work);
	virq = irq_find_mapping(c->domain, off);
	if (virq)
		synchronize_irq(virq);
}

/* Show the bus's wires to the I2C device until it has answered. Caller
 * holds c->lock. */
static void px_bus_settle(struct px_chip *c)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		if (!px_bits_update(c->bus, px_level(c, PX_BUS_SCL), px_level(c, PX_BUS_SDA)))
			return;
		c->lines[PX_BUS_DEV_SDA].value = c->bus->drive;
	}
}

/* Change one line and deliver the edges this causes on its pair (on the
 * I2C bus: on both wires, since the device may answer on SDA). */
static void px_change(struct px_chip *c, unsigned int off, enum px_op op, int arg)
{
	unsigned int first = off & ~1u, n = 2, i;
	int before[4], after[4];
	unsigned long flags;

	mutex_lock(&c->change_lock);
	if (px_on_bus(c, off)) {
		first = PX_BUS_FIRST;
		n = 4;
	}
	raw_spin_lock_irqsave(&c->lock, flags);
	for (i = 0; i < n; i++)
		before[i] = px_level(c, first + i);
	px_apply(&c->lines[off], op, arg);
	if (n == 4)
		px_bus_settle(c);
	for (i = 0; i < n; i++)
		after[i] = px_level(c, first + i);
	raw_spin_unlock_irqrestore(&c->lock, flags);
	for (i = 0; i < n; i++)
		if (before[i] != after[i])
			px_edge(c, first + i, after[i]);
	mutex_unlock(&c->change_lock);
}

static int px_get(struct gpio_chip *gc, unsigned int off)
{
	struct px_chip *c = gpiochip_get_data(gc);
	unsigned long flags;
	int level;

	raw_spin_lock_irqsave(&c->lock, flags);
	level = px_level(c, off);
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return level;
}

static void px_set(struct gpio_chip *gc, unsigned int off, int value)
{
	px_change(gpiochip_get_data(gc), off, PX_OP_VALUE, !!value);
}

static int px_direction_input(struct gpio_chip *gc, unsigned int off)
{
	px_change(gpiochip_get_data(gc), off, PX_OP_INPUT, 0);
	return 0;
}

static int px_direction_output(struct gpio_chip *gc, unsigned int off, int value)
{
	px_change(gpiochip_get_data(gc), off, PX_OP_OUTPUT, !!value);
	return 0;
}

static int px_get_direction(struct gpio_chip *gc, unsigned int off)
{
	struct px_chip *c = gpiochip_get_data(gc);

	return READ_ONCE(c->lines[off].is_out) ? GPIO_LINE_DIRECTION_OUT : GPIO_LINE_DIRECTION_IN;
}

static int px_set_config(struct gpio_chip *gc, unsigned int off, unsigned long config)
{
	struct px_chip *c = gpiochip_get_data(gc);

	switch (pinconf_to_config_param(config)) {
	case PIN_CONFIG_BIAS_PULL_UP:
		px_change(c, off, PX_OP_BIAS, PX_BIAS_UP);
		return 0;
	case PIN_CONFIG_BIAS_PULL_DOWN:
		px_change(c, off, PX_OP_BIAS, PX_BIAS_DOWN);
		return 0;
	case PIN_CONFIG_BIAS_DISABLE:
		px_change(c, off, PX_OP_BIAS, PX_BIAS_NONE);
		return 0;
	case PIN_CONFIG_DRIVE_OPEN_DRAIN:
		px_change(c, off, PX_OP_DRIVE, PX_OPEN_DRAIN);
		return 0;
	case PIN_CONFIG_DRIVE_OPEN_SOURCE:
		px_change(c, off, PX_OP_DRIVE, PX_OPEN_SOURCE);
		return 0;
	case PIN_CONFIG_DRIVE_PUSH_PULL:
		px_change(c, off, PX_OP_DRIVE, PX_PUSH_PULL);
		return 0;
	default:
		/* Debounce among others: gpiolib-cdev then debounces in software. */
		return -ENOTSUPP;
	}
}

static void px_free(struct gpio_chip *gc, unsigned int off)
{
	px_change(gpiochip_get_data(gc), off, PX_OP_RESET, 0);
}

static struct px_line *px_irq_line(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);

	/* not gpiochip_get_data(): an unplugged chip has no gpio_device */
	return &container_of(gc, struct px_chip, gc)->lines[irqd_to_hwirq(d)];
}

static void px_irq_mask(struct irq_data *d)
{
	struct px_line *l = px_irq_line(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&l->chip->lock, flags);
	l->irq_unmasked = false;
	raw_spin_unlock_irqrestore(&l->chip->lock, flags);
	if (!READ_ONCE(l->chip->gone))
		gpiochip_disable_irq(&l->chip->gc, l->offset);
}

static void px_irq_unmask(struct irq_data *d)
{
	struct px_line *l = px_irq_line(d);
	unsigned long flags;
	bool replay;

	if (READ_ONCE(l->chip->gone))
		return;
	gpiochip_enable_irq(&l->chip->gc, l->offset);
	raw_spin_lock_irqsave(&l->chip->lock, flags);
	l->irq_unmasked = true;
	replay = l->latched;
	l->latched = false;
	raw_spin_unlock_irqrestore(&l->chip->lock, flags);
	if (replay)
		irq_work_queue(&l->work);
}

static int px_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct px_line *l = px_irq_line(d);
	unsigned long flags;

	if (type & ~IRQ_TYPE_EDGE_BOTH)
		return -EINVAL;	/* edges only: a wire has no level interrupts here */
	raw_spin_lock_irqsave(&l->chip->lock, flags);
	l->irq_type = type;
	l->latched = false;
	raw_spin_unlock_irqrestore(&l->chip->lock, flags);
	return 0;
}

static int px_irq_reqres(struct irq_data *d)
{
	struct px_line *l = px_irq_line(d);
	unsigned long flags;
	int ret;

	if (READ_ONCE(l->chip->gone))
		return -ENODEV;
	ret = gpiochip_reqres_irq(&l->chip->gc, l->offset);
	if (ret)
		return ret;
	raw_spin_lock_irqsave(&l->chip->lock, flags);
	l->irq_used = true;
	l->latched = false;
	raw_spin_unlock_irqrestore(&l->chip->lock, flags);
	return 0;
}

static void px_irq_relres(struct irq_data *d)
{
	struct px_line *l = px_irq_line(d);
	unsigned long flags;

	raw_spin_lock_irqsave(&l->chip->lock, flags);
	l->irq_used = false;
	l->latched = false;
	raw_spin_unlock_irqrestore(&l->chip->lock, flags);
	if (READ_ONCE(l->chip->gone))
		module_put(THIS_MODULE);	/* what gpiochip_reqres_irq() took */
	else
		gpiochip_relres_irq(&l->chip->gc, l->offset);
}

/* /proc/interrupts names the chip by label, so tests can find a line's IRQ. */
static void px_irq_print_chip(struct irq_data *d, struct seq_file *p)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);

	seq_puts(p, gc->label);
}

static const struct irq_chip px_irq_chip = {
	.name = "px-gpio-loop",
	.irq_print_chip = px_irq_print_chip,
	.irq_mask = px_irq_mask,
	.irq_unmask = px_irq_unmask,
	.irq_set_type = px_irq_set_type,
	.irq_request_resources = px_irq_reqres,
	.irq_release_resources = px_irq_relres,
	.flags = IRQCHIP_IMMUTABLE | IRQCHIP_SKIP_SET_WAKE,
};

/* Register c; line names come from gc->names, or from fwnode if given. */
static int px_chip_add(struct px_chip *c, const char *label, const char *prefix, unsigned int n,
		       struct fwnode_handle *fwnode)
{
	struct gpio_chip *gc = &c->gc;
	struct gpio_irq_chip *girq = &gc->irq;
	unsigned int i;
	int ret;

	raw_spin_lock_init(&c->lock);
	mutex_init(&c->change_lock);
	INIT_LIST_HEAD(&c->stale);
	for (i = 0; i < n; i++) {
		c->lines[i].chip = c;
		c->lines[i].offset = i;
		c->lines[i].work = IRQ_WORK_INIT_HARD(px_irq_work);
		snprintf(c->names[i], sizeof(c->names[i]), "%s%u", prefix, i);
		c->name_ptrs[i] = c->names[i];
	}
	gc->label = label;
	gc->parent = &px_pdev->dev;
	gc->fwnode = fwnode;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->ngpio = n;
	gc->names = fwnode ? NULL : c->name_ptrs;
	gc->can_sleep = true;
	gc->get = px_get;
	gc->set = px_set;
	gc->direction_input = px_direction_input;
	gc->direction_output = px_direction_output;
	gc->get_direction = px_get_direction;
	gc->set_config = px_set_config;
	gc->free = px_free;
	gpio_irq_chip_set_chip(girq, &px_irq_chip);
	girq->handler = handle_simple_irq;
	girq->default_type = IRQ_TYPE_NONE;
	ret = gpiochip_add_data(gc, c);
	if (!ret)
		c->domain = gc->irq.domain;
	return ret;
}

/* Remove c from gpiolib, which then fails user space's requests (ENODEV).
 * The IRQ domain stays with c until px_reap(). */
static void px_chip_remove(struct px_chip *c)
{
	unsigned long flags;
	unsigned int i;

	raw_spin_lock_irqsave(&c->lock, flags);
	WRITE_ONCE(c->gone, true);
	raw_spin_unlock_irqrestore(&c->lock, flags);
	for (i = 0; i < c->gc.ngpio; i++)
		irq_work_sync(&c->lines[i].work);
	c->gc.irq.domain = NULL;	/* gpiolib would dispose of IRQs in use */
	gpiochip_remove(&c->gc);
}

static bool px_irqs_in_use(struct px_chip *c)
{
	unsigned long flags;
	unsigned int i;
	bool used = false;

	raw_spin_lock_irqsave(&c->lock, flags);
	for (i = 0; i < c->gc.ngpio; i++)
		used |= c->lines[i].irq_used;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	return used;
}

/* Dispose of a removed chip's IRQs (none requested any more), as
 * gpiochip_irqchip_remove() would have. */
static void px_chip_free(struct px_chip *c)
{
	unsigned int i;

	for (i = 0; i < c->gc.ngpio; i++) {
		unsigned int virq = irq_find_mapping(c->domain, i);

		if (virq)
			irq_dispose_mapping(virq);
	}
	irq_domain_remove(c->domain);
	c->domain = NULL;
}

/* Free the unplugged chips whose IRQs have all been freed. */
static void px_reap(void)
{
	struct px_chip *c, *next;

	list_for_each_entry_safe(c, next, &px_stale, stale) {
		if (px_irqs_in_use(c))
			continue;
		list_del(&c->stale);
		px_chip_free(c);
		kfree(c);
	}
}

/* Plug in a new px-gpio-loop1, with AUX7 held by the kernel. */
static int px_aux_add(void)
{
	struct px_chip *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	ret = px_chip_add(c, "px-gpio-loop1", "AUX", 8, px_aux_node);
	if (ret) {
		kfree(c);
		return ret;
	}
	c->own = gpiochip_request_own_desc(&c->gc, 7, "spi0 CS0",
					   GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_OUT_HIGH);
	if (IS_ERR(c->own)) {
		ret = PTR_ERR(c->own);
		px_chip_remove(c);
		px_chip_free(c);
		kfree(c);
		return ret;
	}
	px_aux = c;
	return 0;
}

/* Unplug px-gpio-loop1, whatever user space holds. */
static void px_aux_remove(void)
{
	gpiochip_free_own_desc(px_aux->own);
	px_chip_remove(px_aux);
	list_add_tail(&px_aux->stale, &px_stale);
	px_aux = NULL;
	px_reap();
}

static int px_plugged_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	mutex_lock(&px_plug_lock);
	if (!px_loaded)
		ret = -EAGAIN;	/* given to insmod: both chips are plugged anyway */
	else if (on && !px_aux)
		ret = px_aux_add();
	else if (!on && px_aux)
		px_aux_remove();
	px_reap();
	mutex_unlock(&px_plug_lock);
	return ret;
}

static int px_plugged_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(px_aux) ? 'Y' : 'N');
}

static const struct kernel_param_ops px_plugged_ops = {
	.set = px_plugged_set,
	.get = px_plugged_get,
};
module_param_cb(aux_plugged, &px_plugged_ops, NULL, 0644);
MODULE_PARM_DESC(aux_plugged, "px-gpio-loop1 is present (N: unplug it, Y: plug a new one in)");

/* ---- the I2C bus on GPIO16..GPIO19 */

static int px_bus_attach(struct px_chip *c)
{
	static const char *const names[2] = {"px-i2c-bits SCL", "px-i2c-bits SDA"};
	struct px_bits *b = kzalloc(sizeof(*b), GFP_KERNEL);
	unsigned long flags;
	unsigned int i;

	if (!b)
		return -ENOMEM;
	for (i = 0; i < 2; i++) {
		c->bus_own[i] = gpiochip_request_own_desc(&c->gc, PX_BUS_FIRST + 2 * i + 1, names[i],
							  GPIO_LOOKUP_FLAGS_DEFAULT, GPIOD_ASIS);
		if (IS_ERR(c->bus_own[i])) {
			int ret = PTR_ERR(c->bus_own[i]);

			if (i)
				gpiochip_free_own_desc(c->bus_own[0]);
			kfree(b);
			return ret;
		}
	}
	mutex_lock(&c->change_lock);
	raw_spin_lock_irqsave(&c->lock, flags);
	for (i = 0; i < 2; i++) {	/* the device's lines: open drain, let go */
		struct px_line *l = &c->lines[PX_BUS_FIRST + 2 * i + 1];

		l->is_out = 1;
		l->drive = PX_OPEN_DRAIN;
		l->value = 1;
	}
	c->bus = b;
	px_bits_reset(b, px_level(c, PX_BUS_SCL), px_level(c, PX_BUS_SDA));
	raw_spin_unlock_irqrestore(&c->lock, flags);
	mutex_unlock(&c->change_lock);
	return 0;
}

static void px_bus_detach(struct px_chip *c)
{
	struct px_bits *b;
	unsigned long flags;

	mutex_lock(&c->change_lock);
	raw_spin_lock_irqsave(&c->lock, flags);
	b = c->bus;
	c->bus = NULL;
	raw_spin_unlock_irqrestore(&c->lock, flags);
	mutex_unlock(&c->change_lock);
	gpiochip_free_own_desc(c->bus_own[0]);	/* the lines go back to input */
	gpiochip_free_own_desc(c->bus_own[1]);
	kfree(b);
}

static int px_bus_set(const char *val, const struct kernel_param *kp)
{
	bool on;
	int ret = kstrtobool(val, &on);

	if (ret)
		return ret;
	mutex_lock(&px_plug_lock);
	if (!px_loaded)
		ret = -EAGAIN;
	else if (on && !px_chip0.bus)
		ret = px_bus_attach(&px_chip0);
	else if (!on && px_chip0.bus)
		px_bus_detach(&px_chip0);
	mutex_unlock(&px_plug_lock);
	return ret;
}

static int px_bus_get(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%c\n", READ_ONCE(px_chip0.bus) ? 'Y' : 'N');
}

static const struct kernel_param_ops px_bus_ops = {
	.set = px_bus_set,
	.get = px_bus_get,
};
module_param_cb(i2c_bus, &px_bus_ops, NULL, 0644);
MODULE_PARM_DESC(i2c_bus, "a simulated I2C device on GPIO16-19 of px-gpio-loop0 (Y: attach it)");

static int px_bus_log_show(struct seq_file *s, void *unused)
{
	struct px_chip *c = &px_chip0;
	unsigned int i;

	mutex_lock(&px_plug_lock);
	mutex_lock(&c->change_lock);
	for (i = 0; c->bus && i < c->bus->log_count; i++)
		seq_printf(s, "%s\n", c->bus->log[i]);
	mutex_unlock(&c->change_lock);
	mutex_unlock(&px_plug_lock);
	return 0;
}

static int px_bus_log_open(struct inode *inode, struct file *file)
{
	return single_open(file, px_bus_log_show, NULL);
}

static ssize_t px_bus_log_clear(struct file *file, const char __user *buf, size_t len, loff_t *pos)
{
	struct px_chip *c = &px_chip0;

	mutex_lock(&px_plug_lock);
	mutex_lock(&c->change_lock);
	if (c->bus)
		c->bus->log_count = 0;
	mutex_unlock(&c->change_lock);
	mutex_unlock(&px_plug_lock);
	return len;
}

static const struct file_operations px_bus_log_fops = {
	.owner = THIS_MODULE,
	.open = px_bus_log_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = px_bus_log_clear,
};

static struct dentry *px_debugfs;

static const char *const px_aux_names[] = {
	"AUX0", "AUX1", "AUX2", "AUX3", "AUX4", "AUX5", "AUX6", "AUX7",
};

static const struct property_entry px_aux_props[] = {
	PROPERTY_ENTRY_STRING_ARRAY("gpio-line-names", px_aux_names),
	{}
};

static int __init px_gpio_loop_init(void)
{
	int ret;

	px_aux_node = fwnode_create_software_node(px_aux_props, NULL);
	if (IS_ERR(px_aux_node))
		return PTR_ERR(px_aux_node);
	px_pdev = platform_device_register_simple("px-gpio-loop", PLATFORM_DEVID_NONE, NULL, 0);
	if (IS_ERR(px_pdev)) {
		ret = PTR_ERR(px_pdev);
		goto err_node;
	}
	ret = px_chip_add(&px_chip0, "px-gpio-loop0", "GPIO", 28, NULL);
	if (ret)
		goto err_pdev;
	ret = px_aux_add();
	if (ret)
		goto err_chip0;
	mutex_lock(&px_plug_lock);
	px_loaded = true;
	mutex_unlock(&px_plug_lock);
	px_debugfs = debugfs_create_dir("px_gpio_loop", NULL);
	debugfs_create_file("i2c", 0600, px_debugfs, NULL, &px_bus_log_fops);
	return 0;

err_chip0:
	px_chip_remove(&px_chip0);
	px_chip_free(&px_chip0);
err_pdev:
	platform_device_unregister(px_pdev);
err_node:
	fwnode_remove_software_node(px_aux_node);
	return ret;
}

/* Unloading needs every IRQ freed (each holds a module reference). */
static void __exit px_gpio_loop_exit(void)
{
	debugfs_remove_recursive(px_debugfs);
	mutex_lock(&px_plug_lock);
	px_loaded = false;
	if (px_chip0.bus)
		px_bus_detach(&px_chip0);
	if (px_aux)
		px_aux_remove();
	px_reap();
	mutex_unlock(&px_plug_lock);
	px_chip_remove(&px_chip0);
	px_chip_free(&px_chip0);
	platform_device_unregister(px_pdev);
	fwnode_remove_software_node(px_aux_node);
}

module_init(px_gpio_loop_init);
module_exit(px_gpio_loop_exit);
MODULE_DESCRIPTION("Loopback GPIO chips for the micropython kernel bench");
MODULE_LICENSE("GPL");
