// SPDX-License-Identifier: GPL-2.0
/*
 * px_iio_sim: an IIO ADC for the micropython kernel bench. One device
 * named "px-adc" (a platform device as parent, as on real boards) with
 * two voltage channels whose readings tests set through the module
 * parameter `raw` (/sys/module/px_iio_sim/parameters/raw: "R0,R1"):
 *
 *   in_voltage0_raw            12 bits, in_voltage0_raw_available "[0 1 4095]"
 *   in_voltage1_raw            no range given (as many drivers), offset -100
 *   in_voltage_scale           shared: 3300 mV / 4096 = 0.805664062
 *   in_voltage1_offset         -100
 *
 * so channel 0 reads (raw) * 0.805664062 mV and channel 1
 * (raw - 100) * 0.805664062 mV, as IIO defines it.
 */
#include <linux/iio/iio.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>

static int raw[2] = {2048, 1000};
module_param_array(raw, int, NULL, 0644);
MODULE_PARM_DESC(raw, "the raw reading of each channel");

static const int px_range[3] = {0, 1, 4095};

static const struct iio_chan_spec px_channels[] = {
	{
		.type = IIO_VOLTAGE,
		.indexed = 1,
		.channel = 0,
		.info_mask_separate = BIT(IIO_CHAN_INFO_RAW),
		.info_mask_separate_available = BIT(IIO_CHAN_INFO_RAW),
		.info_mask_shared_by_type = BIT(IIO_CHAN_INFO_SCALE),
	},
	{
		.type = IIO_VOLTAGE,
		.indexed = 1,
		.channel = 1,
		.info_mask_separate = BIT(IIO_CHAN_INFO_RAW) | BIT(IIO_CHAN_INFO_OFFSET),
		.info_mask_shared_by_type = BIT(IIO_CHAN_INFO_SCALE),
	},
};

static int px_read_raw(struct iio_dev *indio, struct iio_chan_spec const *chan, int *val, int *val2, long mask)
{
	switch (mask) {
	case IIO_CHAN_INFO_RAW:
		*val = READ_ONCE(raw[chan->channel]);
		return IIO_VAL_INT;
	case IIO_CHAN_INFO_SCALE:
		*val = 3300;
		*val2 = 12;
		return IIO_VAL_FRACTIONAL_LOG2;
	case IIO_CHAN_INFO_OFFSET:
		*val = -100;
		return IIO_VAL_INT;
	}
	return -EINVAL;
}

static int px_read_avail(struct iio_dev *indio, struct iio_chan_spec const *chan, const int **vals, int *type,
			 int *length, long mask)
{
	if (mask != IIO_CHAN_INFO_RAW || chan->channel != 0)
		return -EINVAL;
	*vals = px_range;
	*type = IIO_VAL_INT;
	*length = 3;
	return IIO_AVAIL_RANGE;
}

static const struct iio_info px_info = {
	.read_raw = px_read_raw,
	.read_avail = px_read_avail,
};

static struct platform_device *px_pdev;
static struct iio_dev *px_indio;

static int __init px_init(void)
{
	int ret;

	px_pdev = platform_device_register_simple("px-iio-sim", -1, NULL, 0);
	if (IS_ERR(px_pdev))
		return PTR_ERR(px_pdev);
	px_indio = iio_device_alloc(&px_pdev->dev, 0);
	if (!px_indio) {
		platform_device_unregister(px_pdev);
		return -ENOMEM;
	}
	px_indio->name = "px-adc";
	px_indio->info = &px_info;
	px_indio->channels = px_channels;
	px_indio->num_channels = ARRAY_SIZE(px_channels);
	px_indio->modes = INDIO_DIRECT_MODE;
	ret = iio_device_register(px_indio);
	if (ret) {
		iio_device_free(px_indio);
		platform_device_unregister(px_pdev);
	}
	return ret;
}

static void __exit px_exit(void)
{
	iio_device_unregister(px_indio);
	iio_device_free(px_indio);
	platform_device_unregister(px_pdev);
}

module_init(px_init);
module_exit(px_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("IIO ADC for the micropython kernel bench");
