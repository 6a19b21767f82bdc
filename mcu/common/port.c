/* The port interface (src/port.h) on a bare Cortex-M: SysTick time,
 * sleeping in WFI, one static heap region, the interrupt lock on
 * PRIMASK. The console is console.c, files are files.c. */
#include <string.h>

#include "runtime.h"
#include "cortex_m.h"
#include "mcu.h"
#include "mcu_port.h"

/* ---- time: SysTick interrupts at 1 kHz (board_init starts it), unless
 * the board has a clock of its own (BOARD_OWN_TIME, mcu.h) */

static MCU_PERSIST volatile uint64_t ms_count;

void mcu_systick_irq(void) {
    ms_count++;
}

#if !defined(BOARD_OWN_TIME) || !BOARD_OWN_TIME

uint64_t mcu_ticks_us(void) {
    uint64_t ms;
    uint32_t cvr;
    do { /* a tick between the two reads: read again */
        ms = ms_count;
        cvr = SYST_CVR;
    } while (ms != ms_count);
    uint32_t reload = SYST_RVR + 1u;
    return ms * 1000u + (uint64_t)(reload - 1u - cvr) * 1000u / reload;
}

uint64_t px_port_ticks_ms(void) {
    return mcu_ticks_us() / 1000u;
}

uint64_t px_port_ticks_us(void) {
    return mcu_ticks_us();
}

/* No real-time clock on the board: the wall clock is unknown. */
int64_t px_port_time_ns(void) {
    return 0;
}

int32_t px_port_tz_offset(int64_t utc, bool *dst) {
    *dst = false;
    return 0;
}

/* Asleep until an interrupt (the next tick at the latest), so the time is
 * checked each millisecond; the last part of a millisecond is waited out. */
void px_port_sleep_us(uint64_t us) {
    uint64_t start = mcu_ticks_us();
    for (;;) {
        if (px_st.pending) {
            return;
        }
        uint64_t spent = mcu_ticks_us() - start;
        if (spent >= us) {
            return;
        }
        if (us - spent >= 1000u) {
            px_cm_irq_off();
            if (!px_st.pending) {
                px_cm_wfi();
            }
            px_cm_irq_on();
        }
    }
}

#endif

/* ---- heap: one static region, handed out once per start (zero, as
 * port.h requires: .bss, cleared by the start-up code) */

static _Alignas(16) uint8_t heap[BOARD_HEAP_SIZE];
static bool heap_given;

void *px_port_heap_region(size_t min, size_t *got) {
    if (heap_given || min > sizeof heap) {
        return NULL;
    }
    heap_given = true;
    *got = sizeof heap;
    return heap;
}

size_t px_port_heap_default_cap(void) {
    return sizeof heap;
}

/* ---- interrupts and the scheduler */

/* Nested locks: only the outermost unlock unmasks, and only if the
 * interrupts were on when it locked. */
static unsigned lock_depth;
static uint32_t lock_primask;

void px_port_irq_lock(void) {
    uint32_t pm = px_cm_primask();
    px_cm_irq_off();
    if (lock_depth++ == 0) {
        lock_primask = pm;
    }
}

void px_port_irq_unlock(void) {
    if (lock_depth > 0 && --lock_depth == 0 && lock_primask == 0) {
        px_cm_irq_on();
    }
}

/* A board without events of its own collects nothing. */
__attribute__((weak)) void board_poll(void) {
}

void px_port_poll(void) {
    px_st.pending = 0;
    if (mcu_console_take_interrupt()) {
        px_st.pending_exc = px_from_ptr(&px_type_KeyboardInterrupt);
    }
    board_poll();
}

/* No entropy source on the board: the time since power-on in
 * microseconds and the SysTick phase, which differ with every delay the
 * user (or host) has made before the first use. */
uint64_t px_port_random_seed(void) {
    uint64_t t = mcu_ticks_us();
    return (t << 24) ^ t ^ ((uint64_t)SYST_CVR << 40);
}

/* ---- the end */

void px_port_fatal(const char *msg) {
    board_console_write("\r\nFATAL: ", 9);
    board_console_write(msg, strlen(msg));
    board_console_write("\r\n  resetting\r\n", 15);
    mcu_hard_reset();
}

/* The program asked to end: on a board that is a soft reset. */
void px_port_exit(int status) {
    (void)status;
    mcu_soft_reset();
}
