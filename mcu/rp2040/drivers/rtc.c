/* The RTC (rtc.h). A new time is loaded with the RTC stopped: disable,
 * wait until it is no longer active, write SETUP_0/1, LOAD, enable. */
#include "rtc.h"

#include "clocks.h"
#include "reg.h"
#include "resets.h"

bool rp_rtc_running(void) {
    return (rp_reg_read(RP_RESETS_BASE + RP_RESETS_RESET) & RP_RESET_RTC) == 0 &&
           (rp_reg_read(RP_RTC_BASE + RP_RTC_CTRL) & RP_RTC_CTRL_ACTIVE) != 0;
}

void rp_rtc_set(const rp_rtc_time *t) {
    const uint32_t ctrl = RP_RTC_BASE + RP_RTC_CTRL;
    if (!rp_rtc_running()) {
        rp_clocks_start_aux(RP_CLK_RTC, RP_RTC_CLK_DIV);
        rp_reset_cycle(RP_RESET_RTC);
        rp_reg_write(RP_RTC_BASE + RP_RTC_CLKDIV_M1, RP_RTC_HZ - 1u); /* one second */
    }
    rp_reg_write(ctrl, 0);
    rp_reg_wait(ctrl, RP_RTC_CTRL_ACTIVE, 0);
    rp_reg_write(RP_RTC_BASE + RP_RTC_SETUP_0, (uint32_t)t->year << 12 | (uint32_t)t->month << 8 | t->day);
    rp_reg_write(RP_RTC_BASE + RP_RTC_SETUP_1,
                 (uint32_t)t->dotw << 24 | (uint32_t)t->hour << 16 | (uint32_t)t->min << 8 | t->sec);
    rp_reg_write(ctrl, RP_RTC_CTRL_LOAD);
    rp_reg_write(ctrl, RP_RTC_CTRL_ENABLE);
    rp_reg_wait(ctrl, RP_RTC_CTRL_ACTIVE, RP_RTC_CTRL_ACTIVE);
}

void rp_rtc_get(rp_rtc_time *t) {
    uint32_t r0 = rp_reg_read(RP_RTC_BASE + RP_RTC_RTC_0); /* first: it holds RTC_1 for the read */
    uint32_t r1 = rp_reg_read(RP_RTC_BASE + RP_RTC_RTC_1);
    t->year = (uint16_t)(r1 >> 12 & 0xfffu);
    t->month = (uint8_t)(r1 >> 8 & 0xfu);
    t->day = (uint8_t)(r1 & 0x1fu);
    t->dotw = (uint8_t)(r0 >> 24 & 0x7u);
    t->hour = (uint8_t)(r0 >> 16 & 0x1fu);
    t->min = (uint8_t)(r0 >> 8 & 0x3fu);
    t->sec = (uint8_t)(r0 & 0x3fu);
}
