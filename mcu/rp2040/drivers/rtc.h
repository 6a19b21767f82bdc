/* The RTC: a calendar clock (year 0..4095, leap years by the Gregorian
 * rule's 4-year step) counting seconds of clk_rtc. */
#ifndef RP_RTC_H
#define RP_RTC_H

#include <stdbool.h>
#include <stdint.h>

#include "clocks.h"

typedef struct {
    uint16_t year;
    uint8_t month, day;  /* 1..12, 1..31 */
    uint8_t dotw;        /* day of the week, 0 Sunday .. 6 Saturday */
    uint8_t hour, min, sec;
} rp_rtc_time;

/* clk_rtc: PLL_USB / 1024 = 46875 Hz. */
#define RP_RTC_CLK_DIV 1024u
#define RP_RTC_HZ (RP_USB_PLL_HZ / RP_RTC_CLK_DIV)

/* Whether it counts (it does once set, until a reset). */
bool rp_rtc_running(void);
/* Start clk_rtc and the block if need be, load the time and run. */
void rp_rtc_set(const rp_rtc_time *t);
/* The time now. */
void rp_rtc_get(rp_rtc_time *t);

#endif
