// SPDX-License-Identifier: GPL-2.0
/*
 * px_pwm_sim: PWM chips for the micropython kernel bench. A platform driver
 * "px-pwm-sim" binds two devices, registered in this order so that chip
 * numbers and device names disagree, as they do on real boards:
 *
 *   px-pwm-sim.1  2 channels   becomes /sys/class/pwm/pwmchip0
 *   px-pwm-sim.0  4 channels   becomes /sys/class/pwm/pwmchip1; channel 3
 *                              is held by this module as "px-backlight",
 *                              like a PWM a kernel driver uses
 *
 * A channel takes periods from 100 ns to 1 s (10 MHz to 1 Hz) and refuses
 * others with EINVAL; the PWM core itself refuses a zero period and a duty
 * cycle longer than the period. What each channel's "hardware" holds,
 * i.e. the last state apply() accepted, is listed in
 * /sys/kernel/debug/px_pwm_sim/state, one line per channel:
 *
 *   px-pwm-sim.0 1: period=1000000 duty=250000 polarity=normal enabled=1
 */
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/pwm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#define PX_MAX_CHANNELS 4
#define PX_PERIOD_MIN 100ULL
#define PX_PERIOD_MAX 1000000000ULL

struct px_channel {
	u64 period, duty;
	enum pwm_polarity polarity;
	bool enabled;
};

struct px_pwm {
	struct pwm_chip chip;
	struct px_channel ch[PX_MAX_CHANNELS];
	struct pwm_device *held;	/* the channel this module uses, or NULL */
	struct list_head node;
};

static DEFINE_MUTEX(px_lock);	/* the channels' state and the chip list */
static LIST_HEAD(px_chips);
static struct platform_device *px_pdevs[2];
static struct dentry *px_debugfs;

static struct px_pwm *px_of(struct pwm_chip *chip)
{
	return container_of(chip, struct px_pwm, chip);
}

static int px_apply(struct pwm_chip *chip, struct pwm_device *pwm, const struct pwm_state *state)
{
	struct px_channel *c = &px_of(chip)->ch[pwm->hwpwm];

	if (state->period < PX_PERIOD_MIN || state->period > PX_PERIOD_MAX)
		return -EINVAL;
	mutex_lock(&px_lock);
	c->period = state->period;
	c->duty = state->duty_cycle;
	c->polarity = state->polarity;
	c->enabled = state->enabled;
	mutex_unlock(&px_lock);
	return 0;
}

static int px_get_state(struct pwm_chip *chip, struct pwm_device *pwm, struct pwm_state *state)
{
	struct px_channel *c = &px_of(chip)->ch[pwm->hwpwm];

	mutex_lock(&px_lock);
	state->period = c->period;
	state->duty_cycle = c->duty;
	state->polarity = c->polarity;
	state->enabled = c->enabled;
	mutex_unlock(&px_lock);
	return 0;
}

static const struct pwm_ops px_ops = {
	.apply = px_apply,
	.get_state = px_get_state,
	.owner = THIS_MODULE,
};

static int px_state_show(struct seq_file *s, void *unused)
{
	struct px_pwm *p;
	unsigned int i;

	mutex_lock(&px_lock);
	list_for_each_entry(p, &px_chips, node) {
		for (i = 0; i < p->chip.npwm; i++) {
			struct px_channel *c = &p->ch[i];

			seq_printf(s, "%s %u: period=%llu duty=%llu polarity=%s enabled=%d\n",
				   dev_name(p->chip.dev), i, c->period, c->duty,
				   c->polarity == PWM_POLARITY_INVERSED ? "inversed" : "normal",
				   c->enabled);
		}
	}
	mutex_unlock(&px_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(px_state);

static int px_probe(struct platform_device *pdev)
{
	struct px_pwm *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	p->chip.dev = &pdev->dev;
	p->chip.ops = &px_ops;
	p->chip.npwm = pdev->id == 0 ? 4 : 2;
	ret = pwmchip_add(&p->chip);
	if (ret)
		return ret;
	if (pdev->id == 0) {
		p->held = pwm_request_from_chip(&p->chip, 3, "px-backlight");
		if (IS_ERR(p->held)) {
			ret = PTR_ERR(p->held);
			pwmchip_remove(&p->chip);
			return ret;
		}
	}
	platform_set_drvdata(pdev, p);
	mutex_lock(&px_lock);
	list_add_tail(&p->node, &px_chips);
	mutex_unlock(&px_lock);
	return 0;
}

static int px_remove(struct platform_device *pdev)
{
	struct px_pwm *p = platform_get_drvdata(pdev);

	mutex_lock(&px_lock);
	list_del(&p->node);
	mutex_unlock(&px_lock);
	if (p->held)
		pwm_free(p->held);
	pwmchip_remove(&p->chip);
	return 0;
}

static struct platform_driver px_driver = {
	.driver = { .name = "px-pwm-sim" },
	.probe = px_probe,
	.remove = px_remove,
};

static int __init px_pwm_sim_init(void)
{
	int ret = platform_driver_register(&px_driver);
	int i;

	if (ret)
		return ret;
	/* device 1 first: it becomes pwmchip0 */
	for (i = 0; i < 2; i++) {
		px_pdevs[i] = platform_device_register_simple("px-pwm-sim", 1 - i, NULL, 0);
		if (IS_ERR(px_pdevs[i])) {
			ret = PTR_ERR(px_pdevs[i]);
			while (--i >= 0)
				platform_device_unregister(px_pdevs[i]);
			platform_driver_unregister(&px_driver);
			return ret;
		}
	}
	px_debugfs = debugfs_create_dir("px_pwm_sim", NULL);
	debugfs_create_file("state", 0400, px_debugfs, NULL, &px_state_fops);
	return 0;
}

static void __exit px_pwm_sim_exit(void)
{
	int i;

	debugfs_remove_recursive(px_debugfs);
	for (i = 1; i >= 0; i--)
		platform_device_unregister(px_pdevs[i]);
	platform_driver_unregister(&px_driver);
}

module_init(px_pwm_sim_init);
module_exit(px_pwm_sim_exit);
MODULE_DESCRIPTION("Simulated PWM chips for the micropython kernel bench");
MODULE_LICENSE("GPL");
