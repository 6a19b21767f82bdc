/* The register model (regmodel.h). Registers live in an open-addressed
 * table keyed by address; the log keeps every write in order. */
#include "regmodel.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "reg.h"

#define SLOTS 8192u
#define LOG_MAX 200000u

typedef struct {
    uint32_t addr;
    bool used;
    uint32_t value;
    rm_read_fn read;
    rm_write_fn write;
    void *ctx;
} slot;

static slot table[SLOTS];
static rm_write log_[LOG_MAX];
static size_t nlog;
static uint64_t now_us, spins;
static void (*timer_isr)(unsigned alarm);

void rm_reset(void) {
    memset(table, 0, sizeof table);
    nlog = 0;
    now_us = 0;
    spins = 0;
    timer_isr = NULL;
}

void rm_set_timer_isr(void (*isr)(unsigned alarm)) {
    timer_isr = isr;
}

static slot *find(uint32_t addr) {
    uint32_t h = (addr * 2654435761u) % SLOTS;
    for (uint32_t i = 0; i < SLOTS; i++) {
        slot *s = &table[(h + i) % SLOTS];
        if (!s->used) {
            s->used = true;
            s->addr = addr;
            return s;
        }
        if (s->addr == addr) {
            return s;
        }
    }
    ck_abort_msg("register model: more than %u registers", SLOTS);
    return NULL;
}

uint32_t rm_get(uint32_t addr) {
    return find(addr)->value;
}

void rm_put(uint32_t addr, uint32_t value) {
    find(addr)->value = value;
}

void rm_hook(uint32_t addr, rm_read_fn read, rm_write_fn write, void *ctx) {
    slot *s = find(addr);
    s->read = read;
    s->write = write;
    s->ctx = ctx;
}

size_t rm_write_count(void) {
    return nlog;
}

const rm_write *rm_write_at(size_t i) {
    return i < nlog ? &log_[i] : NULL;
}

long rm_find_write(uint32_t addr, size_t from) {
    for (size_t i = from; i < nlog; i++) {
        if (log_[i].addr == addr) {
            return (long)i;
        }
    }
    return -1;
}

size_t rm_writes_to(uint32_t addr) {
    size_t n = 0;
    for (size_t i = 0; i < nlog; i++) {
        n += log_[i].addr == addr;
    }
    return n;
}

uint64_t rm_now(void) {
    return now_us;
}

void rm_set_now(uint64_t us) {
    now_us = us;
}

uint64_t rm_spins(void) {
    return spins;
}

/* ---- the bus */

static bool has_aliases(uint32_t addr) {
    return addr >= 0x40000000u && addr < 0x60000000u; /* APB and AHB-Lite peripherals */
}

/* Status bits that follow other registers. */
static bool derived(uint32_t addr, uint32_t *v) {
    const uint32_t clk_ref = RP_CLOCKS_BASE + RP_CLK_REF, clk_sys = RP_CLOCKS_BASE + RP_CLK_SYS;
    switch (addr) {
    case RP_RESETS_BASE + RP_RESETS_DONE:
        *v = ~rm_get(RP_RESETS_BASE + RP_RESETS_RESET);
        return true;
    case RP_XOSC_BASE + RP_XOSC_STATUS:
        *v = (rm_get(RP_XOSC_BASE + RP_XOSC_CTRL) & RP_XOSC_CTRL_ENABLE) == RP_XOSC_CTRL_ENABLE
                 ? RP_XOSC_STATUS_STABLE
                 : 0;
        return true;
    case RP_PLL_SYS_BASE + RP_PLL_CS:
    case RP_PLL_USB_BASE + RP_PLL_CS: {
        uint32_t pwr = rm_get(addr - RP_PLL_CS + RP_PLL_PWR);
        *v = find(addr)->value | ((pwr & (RP_PLL_PWR_PD | RP_PLL_PWR_VCOPD)) == 0 ? RP_PLL_CS_LOCK : 0);
        return true;
    }
    case RP_CLOCKS_BASE + RP_CLK_REF + RP_CLK_SELECTED:
        *v = 1u << (rm_get(clk_ref + RP_CLK_CTRL) & 3u);
        return true;
    case RP_CLOCKS_BASE + RP_CLK_SYS + RP_CLK_SELECTED:
        *v = 1u << (rm_get(clk_sys + RP_CLK_CTRL) & 1u);
        return true;
    case RP_I2C0_BASE + RP_I2C_ENABLE_STATUS:
    case RP_I2C1_BASE + RP_I2C_ENABLE_STATUS:
        *v = rm_get(addr - RP_I2C_ENABLE_STATUS + RP_I2C_ENABLE) & 1u;
        return true;
    case RP_TIMER_BASE + RP_TIMER_RAWH:
        *v = (uint32_t)(now_us >> 32);
        return true;
    case RP_TIMER_BASE + RP_TIMER_RAWL:
        *v = (uint32_t)now_us;
        return true;
    default:
        return false;
    }
}

uint32_t rp_reg_read(uint32_t addr) {
    ck_assert_msg(addr % 4 == 0, "unaligned register read at 0x%08x", addr);
    slot *s = find(addr);
    if (s->read != NULL) {
        return s->read(addr, s->ctx);
    }
    uint32_t v;
    return derived(addr, &v) ? v : s->value;
}

/* SIO's SET/CLR/XOR registers for GPIO_OUT (0x10) and GPIO_OE (0x20). */
static bool sio_write(uint32_t addr, uint32_t value) {
    uint32_t off = addr - RP_SIO_BASE;
    if (addr < RP_SIO_BASE || off < RP_SIO_GPIO_OUT_SET || off > RP_SIO_GPIO_OE + 0xc || off % 0x10 == 0) {
        return false;
    }
    slot *s = find(RP_SIO_BASE + (off & ~0xfu));
    switch (off & 0xfu) {
    case 0x4:
        s->value |= value;
        break;
    case 0x8:
        s->value &= ~value;
        break;
    default:
        s->value ^= value;
        break;
    }
    return true;
}

void rp_reg_write(uint32_t addr, uint32_t value) {
    ck_assert_msg(addr % 4 == 0, "unaligned register write at 0x%08x", addr);
    ck_assert_msg(nlog < LOG_MAX, "register model: more than %u writes", LOG_MAX);
    log_[nlog++] = (rm_write){addr, value};
    if (sio_write(addr, value)) {
        return;
    }
    uint32_t base = addr, kind = 0;
    if (has_aliases(addr)) {
        kind = addr & 0x3000u;
        base = addr & ~0x3000u;
    }
    if (base >= RP_TIMER_BASE + RP_TIMER_ALARM(0) && base <= RP_TIMER_BASE + RP_TIMER_ALARM(3) && kind == 0) {
        find(base)->value = value;
        find(RP_TIMER_BASE + RP_TIMER_ARMED)->value |= 1u << ((base - RP_TIMER_BASE - RP_TIMER_ALARM(0)) / 4);
        return;
    }
    if ((base == RP_TIMER_BASE + RP_TIMER_ARMED || base == RP_TIMER_BASE + RP_TIMER_INTR) && kind == 0) {
        find(base)->value &= ~value; /* write 1 to clear */
        return;
    }
    slot *s = find(base);
    uint32_t v = kind == RP_ALIAS_XOR   ? s->value ^ value
                 : kind == RP_ALIAS_SET ? s->value | value
                 : kind == RP_ALIAS_CLR ? s->value & ~value
                                        : value;
    if (s->write != NULL) {
        s->write(base, v, s->ctx);
    } else {
        s->value = v;
    }
}

/* The shared MCU runtime's register writes (mcu/common/nvic.c built with
 * MCU_REG_MODEL) come here too. */
void mcu_reg_write(uint32_t addr, uint32_t value) {
    rp_reg_write(addr, value);
}

/* The alarms due at the current time fire. */
static void fire_alarms(void) {
    for (unsigned n = 0; n < 4; n++) {
        slot *armed = find(RP_TIMER_BASE + RP_TIMER_ARMED);
        if ((armed->value >> n & 1u) && rm_get(RP_TIMER_BASE + RP_TIMER_ALARM(n)) == (uint32_t)now_us) {
            armed->value &= ~(1u << n);
            find(RP_TIMER_BASE + RP_TIMER_INTR)->value |= 1u << n;
            if ((rm_get(RP_TIMER_BASE + RP_TIMER_INTE) >> n & 1u) && timer_isr != NULL) {
                timer_isr(n);
            }
        }
    }
}

void rp_reg_spin(void) {
    spins++;
    now_us++;
    ck_assert_msg(spins < RM_SPIN_LIMIT, "a wait loop spins forever (register model)");
    fire_alarms();
}

void rp_wait_for_interrupt(void) {
    uint32_t armed = rm_get(RP_TIMER_BASE + RP_TIMER_ARMED);
    uint64_t step = 0;
    for (unsigned n = 0; n < 4; n++) {
        if (armed >> n & 1u) {
            uint64_t d = (uint32_t)(rm_get(RP_TIMER_BASE + RP_TIMER_ALARM(n)) - (uint32_t)now_us);
            if (d == 0) {
                d = 1ull << 32;
            }
            if (step == 0 || d < step) {
                step = d;
            }
        }
    }
    ck_assert_msg(step != 0, "WFI with no alarm armed: it would sleep forever (register model)");
    spins++;
    now_us += step;
    fire_alarms();
}
