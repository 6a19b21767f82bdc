/* machine.RTC on Linux: the system clock (CLOCK_REALTIME) in the local
 * time zone, as time.localtime() shows it. The kernel keeps it (from the
 * hardware RTC at boot, then NTP); setting it needs root or CAP_SYS_TIME,
 * and moves the clock of every program on the system. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "hal_error.h"
#include "machine.h"

typedef struct {
    px_obj base; /* &px_type_rtc */
} px_machine_rtc;

/* (year, month, day, weekday, hours, minutes, seconds, subseconds):
 * weekday 0 is Monday (as time.localtime), subseconds are microseconds. */
static px_val rtc_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    if (localtime_r(&ts.tv_sec, &tm) == NULL) {
        px_hal_raise_msg(EOVERFLOW, "RTC: the system clock is outside the calendar the C library handles");
    }
    px_val f[8] = {
        px_small(tm.tm_year + 1900), px_small(tm.tm_mon + 1), px_small(tm.tm_mday), px_small((tm.tm_wday + 6) % 7),
        px_small(tm.tm_hour),        px_small(tm.tm_min),     px_small(tm.tm_sec),  px_small(ts.tv_nsec / 1000),
    };
    return px_tuple_new(8, f);
}

static px_int field(px_val *items, size_t i, px_int lo, px_int hi, const char *what) {
    px_int v = px_index(items[i]);
    if (v < lo || v > hi) {
        px_raise_value_error("RTC: %s must be %lld..%lld, not %lld", what, (long long)lo, (long long)hi,
                             (long long)v);
    }
    return v;
}

/* Set the clock to local civil time; idx maps year, month, day, hour,
 * minute, second, microsecond to tuple positions (datetime() and init()
 * order them differently). */
static void rtc_set(px_val t, const size_t idx[7], const char *layout) {
    size_t n;
    px_val *items = px_seq_items(t, &n);
    if (items == NULL || n != 8) {
        px_raise_type_error("RTC: expected an 8-tuple %s", layout);
    }
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = (int)field(items, idx[0], 1970, 9999, "year") - 1900;
    tm.tm_mon = (int)field(items, idx[1], 1, 12, "month") - 1;
    tm.tm_mday = (int)field(items, idx[2], 1, 31, "day");
    tm.tm_hour = (int)field(items, idx[3], 0, 23, "hours");
    tm.tm_min = (int)field(items, idx[4], 0, 59, "minutes");
    tm.tm_sec = (int)field(items, idx[5], 0, 59, "seconds");
    long usec = (long)field(items, idx[6], 0, 999999, "subseconds (microseconds)");
    int mday = tm.tm_mday, mon = tm.tm_mon;
    tm.tm_isdst = -1; /* the zone's rule decides */
    time_t secs = mktime(&tm); /* normalises a day past the month's end into the next */
    if (secs == (time_t)-1 || tm.tm_mday != mday) {
        px_raise_value_error("RTC: no such date: day %d of month %d", mday, mon + 1);
    }
    struct timespec ts = {secs, usec * 1000};
    if (clock_settime(CLOCK_REALTIME, &ts) != 0) {
        int err = errno;
        if (err == EPERM) {
            px_hal_raise_msg(err,
                             "RTC: setting the system clock needs root (or the CAP_SYS_TIME capability); "
                             "on most systems NTP (systemd-timesyncd, chrony) sets it instead");
        }
        px_hal_raise_msg(err, "RTC: setting the system clock: %s", px_port_strerror(err));
    }
}

static px_val rtc_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(RTC), argc, kwnames, 0, 1);
    if (argc == 1 && px_index(argv[0]) != 0) {
        px_raise_value_error("RTC(%lld): Linux has one clock, RTC(0)", (long long)px_index(argv[0]));
    }
    px_machine_rtc *r = px_gc_alloc(sizeof *r, 0);
    r->base.type = &px_type_rtc;
    return px_from_ptr(r);
}

static px_val rtc_datetime(size_t argc, const px_val *argv) {
    (void)px_native(argv[0], &px_type_rtc);
    if (argc == 1) {
        return rtc_now();
    }
    static const size_t order[7] = {0, 1, 2, 4, 5, 6, 7}; /* the weekday (3) is ignored */
    rtc_set(argv[1], order, "(year, month, day, weekday, hours, minutes, seconds, subseconds)");
    return PX_NONE;
}

static px_val rtc_init(size_t argc, const px_val *argv) {
    (void)px_native(argv[0], &px_type_rtc);
    if (argc == 1) {
        return PX_NONE; /* the clock runs already: nothing to start */
    }
    static const size_t order[7] = {0, 1, 2, 3, 4, 5, 6}; /* tzinfo (7) is ignored */
    rtc_set(argv[1], order, "(year, month, day, hour, minute, second, microsecond, tzinfo)");
    return PX_NONE;
}

static void rtc_print(px_out *out, px_val self, px_print_kind kind) {
    (void)self;
    px_write_cstr(out, "RTC(0: system clock)");
}

static PX_METHV(rtc_datetime_obj, &px_type_rtc, datetime, 1, 2, rtc_datetime);
static PX_METHV(rtc_init_obj, &px_type_rtc, init, 1, 2, rtc_init);

/* Sorted by name bytes. */
static const px_map_entry rtc_table[] = {
    PX_ENTRY_OBJ(datetime, &rtc_datetime_obj),
    PX_ENTRY_OBJ(init, &rtc_init_obj),
};
static PX_CONST_MAP(rtc_dict, rtc_table);

const px_type px_type_rtc = {
    .base = {&px_type_type},
    .name = PX_Q(RTC),
    .base_type = &px_type_object,
    .dict = &rtc_dict,
    .make = rtc_make,
    .print = rtc_print,
};
