/* The CMSDK timers' registers (cmsdk_timer.h), as ARM's Cortex-M System
 * Design Kit documentation lays them out. */
#include "board.h"
#include "cmsdk_timer.h"
#include "cortex_m.h"
#include "nvic.h"

/* CMSDK APB timer: a 32-bit down-counter that reloads at zero */
#define APB_CTRL(b) PX_REG32((b) + 0x00u)
#define APB_VALUE(b) PX_REG32((b) + 0x04u)
#define APB_RELOAD(b) PX_REG32((b) + 0x08u)
#define APB_INTCLEAR(b) PX_REG32((b) + 0x0Cu) /* INTSTATUS when read; write 1 to clear */
#define APB_CTRL_EN (1u << 0)
#define APB_CTRL_IRQ_EN (1u << 3)

/* CMSDK dual timer: two SP804-style counters, 0x20 bytes apart */
#define DUAL(k) (DUALTIMER_BASE + 0x20u * (k))
#define DUAL_LOAD(k) PX_REG32(DUAL(k) + 0x00u) /* writing it loads the counter too */
#define DUAL_CONTROL(k) PX_REG32(DUAL(k) + 0x08u)
#define DUAL_INTCLR(k) PX_REG32(DUAL(k) + 0x0Cu)
#define DUAL_MIS(k) PX_REG32(DUAL(k) + 0x14u) /* raised and enabled */
#define DUAL_SIZE_32 (1u << 1)
#define DUAL_IRQ_EN (1u << 5)
#define DUAL_PERIODIC (1u << 6) /* reload from LOAD at zero (prescaler bits 2-3: 0, divide by 1) */
#define DUAL_EN (1u << 7)

static uint32_t apb_base(unsigned n) {
    return n == 0 ? TIMER0_BASE : TIMER1_BASE;
}

void an_timer_stop(unsigned n) {
    if (n < 2) {
        uint32_t b = apb_base(n);
        APB_CTRL(b) = 0;
        APB_INTCLEAR(b) = 1;
    } else {
        DUAL_CONTROL(n - 2) = 0;
        DUAL_INTCLR(n - 2) = 1;
    }
}

void an_timer_start(unsigned n, uint32_t reload) {
    an_timer_stop(n);
    if (n < 2) {
        uint32_t b = apb_base(n);
        APB_RELOAD(b) = reload;
        APB_VALUE(b) = reload;
        APB_CTRL(b) = APB_CTRL_EN | APB_CTRL_IRQ_EN;
    } else {
        DUAL_LOAD(n - 2) = reload;
        DUAL_CONTROL(n - 2) = DUAL_SIZE_32 | DUAL_IRQ_EN | DUAL_PERIODIC | DUAL_EN;
    }
}

void an_timers_reset(void) {
    for (unsigned n = 0; n < AN_TIMERS; n++) {
        an_timer_stop(n);
    }
    mcu_irq_enable(TIMER0_IRQ);
    mcu_irq_enable(TIMER1_IRQ);
    mcu_irq_enable(DUALTIMER_IRQ);
}

/* The status is cleared first: a zero passed while the handler runs
 * raises the interrupt again. */
void an_timer0_irq(void) {
    APB_INTCLEAR(TIMER0_BASE) = 1;
    an_timer_expired(0);
}

void an_timer1_irq(void) {
    APB_INTCLEAR(TIMER1_BASE) = 1;
    an_timer_expired(1);
}

void an_dualtimer_irq(void) {
    for (unsigned k = 0; k < 2; k++) {
        if (DUAL_MIS(k) & 1u) {
            DUAL_INTCLR(k) = 1;
            an_timer_expired(2 + k);
        }
    }
}
