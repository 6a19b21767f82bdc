/* machine.RTC's shared layer (machine_rtc_api.h). */
#include "machine_rtc_api.h"

static bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m) {
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

int px_weekday(int y, int m, int d) {
    /* days since 1970-01-01 (a Thursday) by the proleptic Gregorian calendar */
    long days = 0;
    for (int yy = 1970; yy < y; yy++) {
        days += is_leap(yy) ? 366 : 365;
    }
    for (int mm = 1; mm < m; mm++) {
        days += days_in_month(y, mm);
    }
    days += d - 1;
    return (int)((days + 3) % 7);
}

static long field(px_val *items, size_t i, long lo, long hi, const char *what) {
    px_int v = px_index(items[i]);
    if (v < lo || v > hi) {
        px_raise_value_error("RTC: %s must be %ld..%ld, not %lld", what, lo, hi, (long long)v);
    }
    return (long)v;
}

/* idx maps year, month, day, hour, minute, second, microsecond to the
 * tuple's positions (datetime() and init() order them differently). */
static void parse(px_val tuple, const uint8_t idx[7], const char *layout, px_datetime *t) {
    size_t n;
    px_val *items = px_seq_items(tuple, &n);
    if (items == NULL || n != 8) {
        px_raise_type_error("RTC: expected an 8-tuple %s", layout);
    }
    t->year = (int)field(items, idx[0], 1970, 9999, "year");
    t->month = (int)field(items, idx[1], 1, 12, "month");
    t->day = (int)field(items, idx[2], 1, 31, "day");
    t->hour = (int)field(items, idx[3], 0, 23, "hours");
    t->minute = (int)field(items, idx[4], 0, 59, "minutes");
    t->second = (int)field(items, idx[5], 0, 59, "seconds");
    t->usec = field(items, idx[6], 0, 999999, "subseconds (microseconds)");
    if (t->day > days_in_month(t->year, t->month)) {
        px_raise_value_error("RTC: no such date: day %d of month %d", t->day, t->month);
    }
    t->weekday = px_weekday(t->year, t->month, t->day);
}

static px_val rtc_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(RTC), argc, kwnames, 0, 1);
    if (argc == 1 && px_index(argv[0]) != 0) {
        px_raise_value_error("RTC(%lld) does not exist: there is one clock, RTC(0)", (long long)px_index(argv[0]));
    }
    px_obj *r = px_gc_alloc(sizeof *r, 0);
    r->type = &px_type_rtc;
    return px_from_ptr(r);
}

static px_val rtc_datetime(size_t argc, const px_val *argv) {
    (void)px_native(argv[0], &px_type_rtc);
    px_datetime t;
    if (argc == 1) {
        px_rtc_port_get(&t);
        px_val f[8] = {px_small(t.year), px_small(t.month),  px_small(t.day),    px_small(t.weekday),
                       px_small(t.hour), px_small(t.minute), px_small(t.second), px_small((px_int)t.usec)};
        return px_tuple_new(8, f);
    }
    static const uint8_t order[7] = {0, 1, 2, 4, 5, 6, 7}; /* the weekday (3) is ignored */
    parse(argv[1], order, "(year, month, day, weekday, hours, minutes, seconds, subseconds)", &t);
    px_rtc_port_set(&t);
    return PX_NONE;
}

static px_val rtc_init(size_t argc, const px_val *argv) {
    (void)px_native(argv[0], &px_type_rtc);
    if (argc == 1) {
        return PX_NONE; /* the clock runs already: nothing to start */
    }
    static const uint8_t order[7] = {0, 1, 2, 3, 4, 5, 6}; /* tzinfo (7) is ignored */
    px_datetime t;
    parse(argv[1], order, "(year, month, day, hour, minute, second, microsecond, tzinfo)", &t);
    px_rtc_port_set(&t);
    return PX_NONE;
}

static void rtc_print(px_out *out, px_val self, px_print_kind kind) {
    px_printf(out, "RTC(0: %s)", px_rtc_port_clock);
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
