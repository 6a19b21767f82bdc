/* machine.RTC on Linux (the Python-facing part is machine_rtc_api.c): the
 * system clock (CLOCK_REALTIME) in the local time zone, as
 * time.localtime() shows it. The kernel keeps it (from the hardware RTC at
 * boot, then NTP); setting it needs root or CAP_SYS_TIME, and moves the
 * clock of every program on the system. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "hal_error.h"
#include "machine_rtc_api.h"

const char px_rtc_port_clock[] = "system clock";

void px_rtc_port_get(px_datetime *t) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    if (localtime_r(&ts.tv_sec, &tm) == NULL) {
        px_hal_raise_msg(EOVERFLOW, "RTC: the system clock is outside the calendar the C library handles");
    }
    *t = (px_datetime){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, (tm.tm_wday + 6) % 7,
                       tm.tm_hour,        tm.tm_min,     tm.tm_sec,  ts.tv_nsec / 1000};
}

/* Local civil time: the zone's rule decides daylight saving time. */
void px_rtc_port_set(const px_datetime *t) {
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = t->year - 1900;
    tm.tm_mon = t->month - 1;
    tm.tm_mday = t->day;
    tm.tm_hour = t->hour;
    tm.tm_min = t->minute;
    tm.tm_sec = t->second;
    tm.tm_isdst = -1;
    time_t secs = mktime(&tm);
    if (secs == (time_t)-1) {
        px_hal_raise_msg(EOVERFLOW, "RTC: %04d-%02d-%02d is outside the calendar the C library handles", t->year,
                         t->month, t->day);
    }
    struct timespec ts = {secs, t->usec * 1000};
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
