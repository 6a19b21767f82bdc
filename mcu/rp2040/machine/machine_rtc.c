/* machine.RTC on the RP2040's RTC (the Python-facing part is
 * modules/machine_rtc_api.c). It counts whole seconds: subseconds read
 * 0. Until a program sets it, it starts at 2000-01-01 00:00:00 on first
 * use; it keeps counting across a soft reset, not across a reset. */
#include "machine_rtc_api.h"
#include "rp_machine.h"
#include "rtc.h"

const char px_rtc_port_clock[] = "the RP2040's RTC";

static void to_chip(const px_datetime *t, rp_rtc_time *r) {
    if (t->year > 4095) {
        px_raise_value_error("RTC: the RP2040's RTC counts years up to 4095, not %d", t->year);
    }
    *r = (rp_rtc_time){(uint16_t)t->year, (uint8_t)t->month, (uint8_t)t->day,
                       (uint8_t)((t->weekday + 1) % 7), /* the chip's week starts on Sunday */
                       (uint8_t)t->hour,  (uint8_t)t->minute, (uint8_t)t->second};
}

void px_rtc_port_set(const px_datetime *t) {
    rp_rtc_time r;
    to_chip(t, &r);
    rp_rtc_set(&r);
}

void px_rtc_port_get(px_datetime *t) {
    if (!rp_rtc_running()) {
        px_datetime start = {2000, 1, 1, px_weekday(2000, 1, 1), 0, 0, 0, 0};
        px_rtc_port_set(&start);
    }
    rp_rtc_time r;
    rp_rtc_get(&r);
    *t = (px_datetime){r.year, r.month, r.day, (r.dotw + 6) % 7, r.hour, r.min, r.sec, 0};
}
