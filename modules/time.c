/* The time module (MicroPython flavour): sleeping, wrapping tick counters,
 * wall-clock seconds, and calendar conversion in UTC and in the local time
 * zone (whose offsets the port gives: px_port_tz_offset). */
#include <math.h>

#include "runtime.h"

/* Tick counters wrap at 2**30 so they stay small ints on every target. */
#define TICKS_PERIOD ((px_int)1 << 30)
#define TICKS_MAX (TICKS_PERIOD - 1)

/* Sleep the whole time, running scheduled callbacks (IRQ handlers) when
 * they wake the port's sleep early; an exception (KeyboardInterrupt)
 * ends the sleep. */
static void sleep_for_us(uint64_t us) {
    px_port_stdout_flush(); /* output before a pause is seen before it */
    uint64_t end = px_port_ticks_us() + us;
    for (;;) {
        uint64_t now = px_port_ticks_us();
        if (now >= end) {
            return;
        }
        px_port_sleep_us(end - now);
        if (px_st.pending) {
            px_check_pending();
        }
    }
}

/* The longest sleep: ~31,700 years, forever in effect. */
#define SLEEP_MAX_US ((uint64_t)1e18)

/* time.sleep(seconds): an int takes integer arithmetic only (a build
 * without floats has no other path), a float is cut to whole microseconds. */
static px_val time_sleep(px_val secs) {
#if PX_HAS_FLOAT
    if (!px_is_int(secs)) {
        double s = px_float_of(secs);
        if (s != s) {
            px_raise_value_error("Invalid value NaN (not a number)");
        }
        if (s < 0) {
            px_raise_value_error("sleep length must be non-negative");
        }
        double us = s * 1e6;
        sleep_for_us(us < (double)SLEEP_MAX_US ? (uint64_t)us : SLEEP_MAX_US);
        return PX_NONE;
    }
#endif
    int64_t s = px_int_to_i64(px_index_int(secs));
    if (s < 0) {
        px_raise_value_error("sleep length must be non-negative");
    }
    sleep_for_us((uint64_t)s < SLEEP_MAX_US / 1000000u ? (uint64_t)s * 1000000u : SLEEP_MAX_US);
    return PX_NONE;
}

static px_val sleep_units(px_val n, uint64_t scale) {
    px_int v = px_index(n);
    if (v > 0) {
        sleep_for_us((uint64_t)v * scale);
    }
    return PX_NONE;
}
static px_val time_sleep_ms(px_val n) {
    return sleep_units(n, 1000);
}
static px_val time_sleep_us(px_val n) {
    return sleep_units(n, 1);
}

static px_val time_ticks_ms(void) {
    return px_small((px_int)(px_port_ticks_ms() & TICKS_MAX));
}
static px_val time_ticks_us(void) {
    return px_small((px_int)(px_port_ticks_us() & TICKS_MAX));
}

/* Signed difference a - b of two tick values, in (-PERIOD/2, PERIOD/2]. */
static px_val time_ticks_diff(px_val a, px_val b) {
    px_int d = (px_index(a) - px_index(b) + TICKS_PERIOD / 2) & TICKS_MAX;
    return px_small(d - TICKS_PERIOD / 2);
}

/* ticks_add(ticks, delta): delta must stay within what ticks_diff can
 * give back, so ticks_diff(ticks_add(t, d), t) == d always holds. */
static px_val time_ticks_add(px_val t, px_val delta) {
    px_int d = px_index(delta);
    if (d <= -TICKS_PERIOD / 2 || d >= TICKS_PERIOD / 2) {
        px_raise_overflow("ticks interval overflow");
    }
    return px_small((px_index(t) + d) & TICKS_MAX);
}

/* Seconds since the Epoch: a float, or in a build without floats the
 * whole seconds as an int (as MicroPython's docs give it for such ports;
 * time_ns() has the rest). */
static px_val time_time(void) {
#if PX_HAS_FLOAT
    return px_float((double)px_port_time_ns() / 1e9);
#else
    int64_t ns = px_port_time_ns();
    return px_int_from_i64(ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000));
#endif
}

static px_val time_time_ns(void) {
    return px_int_from_i64(px_port_time_ns());
}

/* ---- calendar (proleptic Gregorian, UTC) */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* The seconds argument of gmtime/localtime: now when absent or None. */
static int64_t secs_arg(size_t argc, const px_val *argv) {
    if (argc == 0 || argv[0] == PX_NONE) {
        return px_port_time_ns() / 1000000000;
    }
    double f = floor(px_float_of(argv[0]));
    if (!(f > -1e15 && f < 1e15)) {
        px_raise_overflow("timestamp out of range");
    }
    return (int64_t)f;
}

/* (year, month, mday, hour, minute, second, weekday, yearday) of a count
 * of seconds since 1970-01-01 read as a civil time. */
static px_val civil_tuple(int64_t secs) {
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    int64_t y, m, d;
    civil_from_days(days, &y, &m, &d);
    int64_t wday = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday; Monday = 0 */
    int64_t yday = days - days_from_civil(y, 1, 1) + 1;
    px_val items[8] = {px_int_from_i64(y), px_small(m), px_small(d), px_small(rem / 3600),
                       px_small(rem / 60 % 60), px_small(rem % 60), px_small(wday), px_small(yday)};
    return px_tuple_new(8, items);
}

static px_val time_gmtime(size_t argc, const px_val *argv) {
    return civil_tuple(secs_arg(argc, argv));
}

static px_val time_localtime(size_t argc, const px_val *argv) {
    int64_t secs = secs_arg(argc, argv);
    bool dst;
    return civil_tuple(secs + px_port_tz_offset(secs, &dst));
}

/* ---- mktime: local civil time back to seconds since the epoch */

/* The instant whose local time is `local` (a civil time counted in
 * seconds as if it were UTC). Near a change of offset, the offsets well
 * before and after give the candidates:
 *   - a time that exists once: the candidate whose offset holds there;
 *   - a time that exists twice (clocks set back): the earlier instant,
 *     or the one whose daylight saving flag is `isdst` when it is 0 or 1;
 *   - a time that never exists (clocks set forward): read with the offset
 *     before the change (02:30 becomes 03:30 summer time), as C's mktime.
 * An `isdst` of 0 or 1 that no candidate has means "read with the offset
 * of that kind" (the nearest one within a year, else an hour's shift), as
 * the C library does. */
static int64_t local_to_utc(int64_t local, int isdst) {
    const int64_t span = 3 * 86400 / 2; /* beyond any offset from UTC */
    bool db, da, dx;
    int32_t ob = px_port_tz_offset(local - span, &db);
    int32_t oa = px_port_tz_offset(local + span, &da);
    int64_t ub = local - ob, ua = local - oa;
    bool vb = px_port_tz_offset(ub, &dx) == ob, va = px_port_tz_offset(ua, &dx) == oa;
    int64_t u = ub;
    bool d = db;
    if (vb && va && ob != oa) {
        /* twice: the earlier, unless the flag asks for the other */
        bool b_first = ub <= ua;
        bool pick_b = isdst < 0 ? b_first : (db == (isdst > 0)) || (da != (isdst > 0) && b_first);
        u = pick_b ? ub : ua;
        d = pick_b ? db : da;
    } else if (!vb && va) {
        u = ua;
        d = da;
    }
    if (isdst < 0 || d == (isdst > 0)) {
        return u;
    }
    for (int64_t k = 1; k <= 53; k++) {
        for (int sign = -1; sign <= 1; sign += 2) {
            bool dk;
            int32_t ok = px_port_tz_offset(u + sign * k * 7 * 86400, &dk);
            if (dk == (isdst > 0)) {
                return local - ok;
            }
        }
    }
    return isdst > 0 ? u - 3600 : u + 3600;
}

/* mktime((year, month, mday, hour, minute, second, weekday, yearday[,
 * isdst])) -> seconds: the inverse of localtime. Out-of-range fields carry
 * (month 13 is January of the next year); weekday and yearday are
 * ignored; isdst -1 (or absent) means "whichever is in effect". */
static px_val time_mktime(px_val t) {
    size_t n;
    px_val *items = px_seq_items(t, &n);
    if (items == NULL || n < 8 || n > 9) {
        px_raise_type_error("mktime needs a tuple of length 8 or 9");
    }
    int64_t f[6];
    for (size_t i = 0; i < 6; i++) {
        f[i] = px_int_to_i64(items[i]);
        /* keep the arithmetic below far from int64 overflow */
        if (f[i] > 100000000000ll || f[i] < -100000000000ll) {
            px_raise_overflow("mktime argument out of range");
        }
    }
    int isdst = -1;
    if (n == 9) {
        int64_t v = px_int_to_i64(items[8]);
        isdst = v < 0 ? -1 : v > 0;
    }
    int64_t y = f[0], mo = f[1];
    /* normalise the month so that out-of-range values carry into the year */
    y += (mo - 1 >= 0 ? (mo - 1) / 12 : -((12 - mo) / 12));
    mo = ((mo - 1) % 12 + 12) % 12 + 1;
    int64_t days = days_from_civil(y, mo, 1) + f[2] - 1;
    int64_t local = days * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
    return px_int_from_i64(local_to_utc(local, isdst));
}

static PX_FUN1(time_sleep_obj, sleep, time_sleep);
static PX_FUN1(time_sleep_ms_obj, sleep_ms, time_sleep_ms);
static PX_FUN1(time_sleep_us_obj, sleep_us, time_sleep_us);
static PX_FUN0(time_ticks_ms_obj, ticks_ms, time_ticks_ms);
static PX_FUN0(time_ticks_us_obj, ticks_us, time_ticks_us);
static PX_FUN0(time_ticks_cpu_obj, ticks_cpu, time_ticks_us);
static PX_FUN2(time_ticks_diff_obj, ticks_diff, time_ticks_diff);
static PX_FUN2(time_ticks_add_obj, ticks_add, time_ticks_add);
static PX_FUN0(time_time_obj, time, time_time);
static PX_FUN0(time_time_ns_obj, time_ns, time_time_ns);
static PX_FUNV(time_gmtime_obj, gmtime, 0, 1, time_gmtime);
static PX_FUNV(time_localtime_obj, localtime, 0, 1, time_localtime);
static PX_FUN1(time_mktime_obj, mktime, time_mktime);

/* Sorted by name bytes. */
static const px_map_entry time_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(time))),
    PX_ENTRY_OBJ(gmtime, &time_gmtime_obj),
    PX_ENTRY_OBJ(localtime, &time_localtime_obj),
    PX_ENTRY_OBJ(mktime, &time_mktime_obj),
    PX_ENTRY_OBJ(sleep, &time_sleep_obj),
    PX_ENTRY_OBJ(sleep_ms, &time_sleep_ms_obj),
    PX_ENTRY_OBJ(sleep_us, &time_sleep_us_obj),
    PX_ENTRY_OBJ(ticks_add, &time_ticks_add_obj),
    PX_ENTRY_OBJ(ticks_cpu, &time_ticks_cpu_obj),
    PX_ENTRY_OBJ(ticks_diff, &time_ticks_diff_obj),
    PX_ENTRY_OBJ(ticks_ms, &time_ticks_ms_obj),
    PX_ENTRY_OBJ(ticks_us, &time_ticks_us_obj),
    PX_ENTRY_OBJ(time, &time_time_obj),
    PX_ENTRY_OBJ(time_ns, &time_time_ns_obj),
};
static PX_CONST_MAP(time_globals, time_table);
PX_MODULE_DEF(time, time_globals, PX_MODULE_EXTENSIBLE, NULL);
