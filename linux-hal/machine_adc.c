/* machine.ADC on Industrial I/O (IIO) sysfs: one voltage channel of an
 * IIO device, /sys/bus/iio/devices/iio:deviceK/in_voltageN_raw. The kernel
 * gives the raw reading and how to turn it into millivolts (offset, scale:
 * mV = (raw + offset) * scale); the resolution, for read_u16, comes from
 * the channel's buffer type or its raw range when the driver tells one.
 * Every reading is a fresh sysfs read: the driver samples on each. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hal_error.h"
#include "machine.h"
#include "machine_args.h"

#define IIO_DIR "/sys/bus/iio/devices"

typedef struct px_machine_adc {
    px_obj base; /* &px_type_adc */
    char dev[32];  /* iio:deviceK */
    char name[48]; /* the device's name */
    unsigned channel;
    unsigned bits; /* 0: unknown */
} px_machine_adc;

static px_machine_adc *adc_of(px_val v) {
    return (px_machine_adc *)px_as_ptr(px_native(v, &px_type_adc));
}

/* The text of a sysfs file, first line only; NULL with *err. */
static char *read_attr(const char *dev, const char *attr, int *err) {
    char path[160];
    snprintf(path, sizeof path, IIO_DIR "/%s/%s", dev, attr);
    size_t len;
    char *text = px_port_read_file(path, &len, err);
    if (text != NULL) {
        char *nl = strchr(text, '\n');
        if (nl != NULL) {
            *nl = 0;
        }
    }
    return text;
}

/* "name (iio:deviceK), ..." of every IIO device. */
static void list_devices(char *out, size_t size) {
    out[0] = 0;
    DIR *d = opendir(IIO_DIR);
    if (d == NULL) {
        return;
    }
    size_t used = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "iio:device", 10) != 0) {
            continue;
        }
        int err;
        char *name = read_attr(e->d_name, "name", &err);
        if (used + 80 < size) {
            used += (size_t)snprintf(out + used, size - used, "%s%s (%s)", used ? ", " : "", name ? name : "?",
                                     e->d_name);
        }
    }
    closedir(d);
}

PX_NORETURN static void raise_no_device(const char *what) {
    char list[320];
    list_devices(list, sizeof list);
    if (list[0] == 0) {
        px_hal_raise_msg(ENODEV, "no IIO device %s: this system has no IIO devices (load the ADC's driver, "
                                 "e.g. a device-tree overlay such as dtoverlay=ads1015)", what);
    }
    px_hal_raise_msg(ENODEV, "no IIO device %s (IIO devices here: %s)", what, list);
}

/* Find the device by name (unique) or as iio:deviceK / K. */
static void find_device(px_machine_adc *o, px_val dev) {
    if (px_is_int(dev)) {
        px_int k = px_index(dev);
        if (k < 0 || k > 9999) {
            px_raise_value_error("IIO device number %lld out of range", (long long)k);
        }
        snprintf(o->dev, sizeof o->dev, "iio:device%lld", (long long)k);
    } else if (px_is_str(dev)) {
        size_t len;
        const char *s = px_str_data(dev, &len);
        if (len == 0 || len > 40 || memchr(s, 0, len) != NULL || memchr(s, '/', len) != NULL) {
            px_raise_value_error("IIO device name must be its name or iio:deviceK");
        }
        if (strncmp(s, "iio:device", 10) == 0) {
            snprintf(o->dev, sizeof o->dev, "%.*s", (int)len, s);
        } else {
            o->dev[0] = 0;
            DIR *d = opendir(IIO_DIR);
            const struct dirent *e;
            int found = 0;
            while (d != NULL && (e = readdir(d)) != NULL) {
                int err;
                char *name = strncmp(e->d_name, "iio:device", 10) == 0 ? read_attr(e->d_name, "name", &err) : NULL;
                if (name != NULL && strlen(name) == len && memcmp(name, s, len) == 0) {
                    if (found++ == 0) {
                        snprintf(o->dev, sizeof o->dev, "%.31s", e->d_name);
                    }
                }
            }
            if (d != NULL) {
                closedir(d);
            }
            if (found > 1) {
                px_hal_raise_msg(EINVAL, "%d IIO devices are named '%.*s': name one as iio:deviceK", found,
                                 (int)len, s);
            }
            if (found == 0) {
                char what[48];
                snprintf(what, sizeof what, "'%.*s'", (int)len, s);
                raise_no_device(what);
            }
        }
    } else {
        px_raise_type_error("ADC id must be a channel number or a (device, channel) tuple, not '%s'",
                            px_type_name(dev));
    }
    int err;
    char *name = read_attr(o->dev, "name", &err);
    if (name == NULL) {
        raise_no_device(o->dev);
    }
    snprintf(o->name, sizeof o->name, "%s", name);
}

/* The resolution: the buffer's "le:u12/16>>4", else the raw range "[0 1 4095]". */
static unsigned find_bits(const px_machine_adc *o) {
    char attr[64];
    int err;
    snprintf(attr, sizeof attr, "scan_elements/in_voltage%u_type", o->channel);
    char *t = read_attr(o->dev, attr, &err);
    unsigned bits;
    if (t != NULL && sscanf(t, "%*2s:%*1[su]%u", &bits) == 1 && bits > 0 && bits <= 32) {
        return bits;
    }
    snprintf(attr, sizeof attr, "in_voltage%u_raw_available", o->channel);
    t = read_attr(o->dev, attr, &err);
    long long lo, step, hi;
    if (t != NULL && sscanf(t, "[%lld %lld %lld]", &lo, &step, &hi) == 3 && hi > 0) {
        bits = 0;
        while (bits < 63 && (hi >> bits) != 0) {
            bits++;
        }
        return bits;
    }
    return 0;
}

/* A number from in_voltageN_ATTR or the shared in_voltage_ATTR; false if neither. */
static bool read_number(const px_machine_adc *o, const char *what, double *v) {
    char attr[64];
    int err;
    snprintf(attr, sizeof attr, "in_voltage%u_%s", o->channel, what);
    char *t = read_attr(o->dev, attr, &err);
    if (t == NULL) {
        snprintf(attr, sizeof attr, "in_voltage_%s", what);
        t = read_attr(o->dev, attr, &err);
    }
    if (t == NULL) {
        return false;
    }
    *v = strtod(t, NULL);
    return true;
}

static long long read_raw(const px_machine_adc *o) {
    char attr[48];
    int err;
    snprintf(attr, sizeof attr, "in_voltage%u_raw", o->channel);
    char *t = read_attr(o->dev, attr, &err);
    if (t == NULL) {
        if (err == EACCES || err == EPERM) {
            char path[128];
            snprintf(path, sizeof path, IIO_DIR "/%s/%s", o->dev, attr);
            px_hal_raise_access(err, path, "iio",
                                "SUBSYSTEM==\"iio\", PROGRAM=\"/bin/sh -c 'chgrp -R iio /sys%p && chmod -R g+r "
                                "/sys%p'\"");
        }
        px_hal_raise_msg(err, "%s (%s): reading channel %u: %s", o->name, o->dev, o->channel, px_port_strerror(err));
    }
    return strtoll(t, NULL, 10);
}

static void apply(px_machine_adc *o, const px_val *a) {
    if (a[PX_ADC_SAMPLE_NS] != PX_NONE || a[PX_ADC_ATTEN] != PX_NONE) {
        px_raise_value_error("%s: sample_ns and atten are the driver's (device tree) on Linux; give None",
                             a[PX_ADC_SAMPLE_NS] != PX_NONE ? "sample_ns" : "atten");
    }
    if (a[PX_ADC_BITS] != PX_NONE) {
        o->bits = (unsigned)px_index(a[PX_ADC_BITS]); /* 1..32, checked by px_machine_adc_args */
    }
}

static px_val adc_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 1) {
        px_raise_type_error("ADC() takes the channel (N, or a (device, channel) tuple) as its one positional "
                            "argument");
    }
    px_val a[PX_ADC__COUNT];
    px_machine_adc_args(PX_Q(ADC), 0, argv + 1, kwnames, a);
    px_machine_adc *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &px_type_adc;
    px_val dev = px_small(0), ch = argv[0];
    size_t n;
    px_val *items = px_is_tuple(argv[0]) ? px_seq_items(argv[0], &n) : NULL;
    if (items != NULL) {
        if (n != 2) {
            px_raise_value_error("ADC id tuple must be (device, channel)");
        }
        dev = items[0];
        ch = items[1];
    } else if (!px_is_int(argv[0])) {
        px_raise_type_error("ADC id must be a channel number or a (device, channel) tuple, not '%s'",
                            px_type_name(argv[0]));
    }
    px_int c = px_index(ch);
    if (c < 0 || c > 9999) {
        px_raise_value_error("ADC channel %lld out of range", (long long)c);
    }
    o->channel = (unsigned)c;
    apply(o, a);
    find_device(o, dev);
    char attr[48];
    int err;
    snprintf(attr, sizeof attr, "in_voltage%u_raw", o->channel);
    if (read_attr(o->dev, attr, &err) == NULL && (err == ENOENT || err == ENODEV)) {
        px_hal_raise_msg(err, "%s (%s) has no voltage channel %u (no %s)", o->name, o->dev, o->channel, attr);
    }
    if (o->bits == 0) {
        o->bits = find_bits(o);
    }
    return px_from_ptr(o);
}

static void adc_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_adc *o = adc_of(self);
    px_printf(out, "ADC(('%s', %u), device='%s'", o->name, o->channel, o->dev);
    if (o->bits) {
        px_printf(out, ", bits=%u", o->bits);
    }
    px_write_cstr(out, ")");
}

static px_val adc_read_u16(px_val self) {
    px_machine_adc *o = adc_of(self);
    if (o->bits == 0) {
        px_raise_value_error("%s (%s) channel %u does not report its resolution: give ADC(..., bits=N)", o->name,
                             o->dev, o->channel);
    }
    return px_small((px_int)px_machine_adc_u16(read_raw(o), o->bits));
}

static px_val adc_read_uv(px_val self) {
    px_machine_adc *o = adc_of(self);
    long long raw = read_raw(o);
    double scale, offset = 0;
    if (!read_number(o, "scale", &scale)) {
        px_hal_raise_msg(EOPNOTSUPP, "%s (%s) channel %u has no scale: its raw values are not in volts (use "
                                     "read_u16)", o->name, o->dev, o->channel);
    }
    read_number(o, "offset", &offset);
    return px_int_from_i64((int64_t)llround(((double)raw + offset) * scale * 1000.0));
}

static px_val adc_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[PX_ADC__COUNT];
    px_machine_adc_args(PX_Q(init), argc - 1, argv + 1, kwnames, a);
    apply(adc_of(argv[0]), a);
    return PX_NONE;
}

static PX_METHKW(adc_init_obj, &px_type_adc, init, 1, 1, adc_init);
static PX_METH1(adc_read_u16_obj, &px_type_adc, read_u16, adc_read_u16);
static PX_METH1(adc_read_uv_obj, &px_type_adc, read_uv, adc_read_uv);

static const px_map_entry adc_table[] = {
    PX_ENTRY_OBJ(init, &adc_init_obj),
    PX_ENTRY_OBJ(read_u16, &adc_read_u16_obj),
    PX_ENTRY_OBJ(read_uv, &adc_read_uv_obj),
};
static PX_CONST_MAP(adc_dict, adc_table);

const px_type px_type_adc = {
    .base = {&px_type_type},
    .name = PX_Q(ADC),
    .base_type = &px_type_object,
    .dict = &adc_dict,
    .make = adc_make,
    .print = adc_print,
};
