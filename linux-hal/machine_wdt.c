/* machine.WDT on the kernel's watchdog device (/dev/watchdog, or
 * /dev/watchdogN for WDT(N)). Opening the device starts the watchdog;
 * feed() is WDIOC_KEEPALIVE. MicroPython's WDT cannot be stopped, so the
 * magic close (writing 'V' before closing, which stops most drivers) is
 * never done: when the program ends or dies, the kernel logs "watchdog did
 * not stop!" and the timer keeps running, and the system resets unless
 * another program (systemd) opens the device and feeds it. */
#include <errno.h>
#include <fcntl.h>
#include <linux/watchdog.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hal_error.h"
#include "machine.h"
#include "machine_args.h"

#define UDEV_RULE "KERNEL==\"watchdog*\", GROUP=\"watchdog\", MODE=\"0660\""

typedef struct px_machine_wdt {
    px_obj base; /* &px_type_wdt */
    int fd;
    px_int id;
    char path[32];
    char identity[40]; /* the driver's name (WDIOC_GETSUPPORT) */
} px_machine_wdt;

PX_NORETURN static void raise_open(int err, const char *path) {
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        px_hal_raise_msg(err,
                         "no watchdog %s: no watchdog driver is loaded (the SoC's, enabled in the device "
                         "tree, e.g. dtparam=watchdog=on on a Raspberry Pi; or the kernel's software "
                         "watchdog: sudo modprobe softdog)",
                         path);
    case EBUSY:
        px_hal_raise_msg(err,
                         "%s is already open (in this or another program): a watchdog has one user at a time (systemd holds "
                         "it when RuntimeWatchdogSec= is set; a service can use systemd's WatchdogSec= "
                         "instead)",
                         path);
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, path, "watchdog", UDEV_RULE);
    default:
        px_hal_raise_msg(err, "%s: %s", path, px_port_strerror(err));
    }
}

/* The kernel counts whole seconds: a timeout is rounded up. */
static px_val wdt_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_int id;
    int64_t ms;
    px_machine_wdt_args(argc, argv, kwnames, &id, &ms);
    int secs = (int)((ms + 999) / 1000);
    px_machine_wdt *o = px_gc_alloc(sizeof *o, PX_GC_FINALIZE);
    o->base.type = &px_type_wdt;
    o->id = id;
    if (id == 0) {
        snprintf(o->path, sizeof o->path, "/dev/watchdog");
    } else {
        snprintf(o->path, sizeof o->path, "/dev/watchdog%lld", (long long)id);
    }
    o->fd = open(o->path, O_WRONLY | O_CLOEXEC);
    if (o->fd < 0) {
        raise_open(errno, o->path);
    }
    /* it runs now: from here on every failure leaves it running */
    struct watchdog_info info = {0};
    if (ioctl(o->fd, WDIOC_GETSUPPORT, &info) == 0) {
        snprintf(o->identity, sizeof o->identity, "%s", (const char *)info.identity);
    }
    int want = secs;
    if (!(info.options & WDIOF_SETTIMEOUT)) {
        int cur = 0;
        ioctl(o->fd, WDIOC_GETTIMEOUT, &cur);
        px_hal_raise_msg(EOPNOTSUPP,
                         "%s (%s) cannot change its timeout: it runs with %d s; WDT(timeout=%d000) "
                         "matches it",
                         o->path, o->identity, cur, cur);
    }
    if (ioctl(o->fd, WDIOC_SETTIMEOUT, &secs) != 0) {
        int err = errno;
        if (err == EINVAL) {
            px_hal_raise_msg(err, "%s (%s) refused a timeout of %d s (the driver's range is its own; it "
                                  "keeps running with its previous timeout)",
                             o->path, o->identity, want);
        }
        px_hal_raise_msg(err, "%s: setting the timeout: %s", o->path, px_port_strerror(err));
    }
    if (secs > want) {
        /* the driver rounded up to a timeout it has: never longer unnoticed (shorter shows in print) */
        px_hal_raise_msg(EINVAL, "%s (%s) cannot time out after %d s: the nearest it has is %d s (running "
                                 "with it now)",
                         o->path, o->identity, want, secs);
    }
    return px_from_ptr(o);
}

static void wdt_finalize(px_obj *self) {
    px_machine_wdt *o = (px_machine_wdt *)self;
    if (o->fd >= 0) {
        close(o->fd); /* without the magic close: the watchdog keeps running */
        o->fd = -1;
    }
}

static px_machine_wdt *wdt_of(px_val v) {
    return (px_machine_wdt *)px_as_ptr(px_native(v, &px_type_wdt));
}

static px_val wdt_feed(px_val self) {
    px_machine_wdt *o = wdt_of(self);
    if (ioctl(o->fd, WDIOC_KEEPALIVE, 0) != 0) {
        px_hal_raise_msg(errno, "%s: feed (WDIOC_KEEPALIVE): %s", o->path, px_port_strerror(errno));
    }
    return PX_NONE;
}

static void wdt_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_wdt *o = wdt_of(self);
    int secs = 0;
    ioctl(o->fd, WDIOC_GETTIMEOUT, &secs);
    px_printf(out, "WDT(%lld, timeout=%d, device='%s', driver='%s')", (long long)o->id, secs * 1000, o->path,
              o->identity);
}

static PX_METH1(wdt_feed_obj, &px_type_wdt, feed, wdt_feed);

static const px_map_entry wdt_table[] = {
    PX_ENTRY_OBJ(feed, &wdt_feed_obj),
};
static PX_CONST_MAP(wdt_dict, wdt_table);

const px_type px_type_wdt = {
    .base = {&px_type_type},
    .name = PX_Q(WDT),
    .base_type = &px_type_object,
    .dict = &wdt_dict,
    .make = wdt_make,
    .print = wdt_print,
    .finalize = wdt_finalize,
};
