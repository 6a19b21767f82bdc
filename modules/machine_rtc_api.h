/* machine.RTC's Python-facing layer, shared by every port: RTC(id=0),
 * datetime() and datetime(tuple) in MicroPython's order (year, month,
 * day, weekday, hours, minutes, seconds, subseconds), init(tuple) in the
 * datetime module's (year, month, day, hour, minute, second,
 * microsecond, tzinfo), every field checked and the date validated (the
 * weekday given is ignored: the date decides it), over the clock a port
 * provides. Nothing here touches an OS or a register. */
#ifndef PX_MACHINE_RTC_API_H
#define PX_MACHINE_RTC_API_H

#include "runtime.h"

typedef struct px_datetime {
    int year, month, day; /* a valid date */
    int weekday;          /* 0 Monday .. 6 Sunday */
    int hour, minute, second;
    long usec;
} px_datetime;

extern const px_type px_type_rtc;

/* ---- what the port provides */
/* What the clock is, for the repr: RTC(0: <this>). */
extern const char px_rtc_port_clock[];
/* The time now (OSError if the clock cannot say). */
void px_rtc_port_get(px_datetime *t);
/* Set the clock (a valid date; OSError or ValueError if it refuses). */
void px_rtc_port_set(const px_datetime *t);

/* The day of the week of a date, 0 Monday .. 6 Sunday. */
int px_weekday(int year, int month, int day);

#endif
