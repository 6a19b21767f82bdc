/* A model of the RP2040's registers for the drivers' unit tests: the
 * drivers, compiled with RP_REG_MODEL=1, reach it through reg.h.
 *
 * Every register holds the last value written, with the bus's side
 * effects: the atomic XOR/SET/CLR aliases (+0x1000/+0x2000/+0x3000) of
 * the peripheral registers change the register they alias, SIO's own
 * SET/CLR/XOR registers change GPIO_OUT and GPIO_OE, and the status bits
 * start-up code waits for follow what set them (RESET_DONE, XOSC STABLE,
 * PLL LOCK, a clock's SELECTED, I2C ENABLE_STATUS). TIMER's raw count
 * registers serve a simulated microsecond clock that every wait-loop
 * turn (rp_reg_spin) advances. A test adds the behaviour of a device
 * (a FIFO, an I2C target) with hooks on single addresses. Every write is
 * logged as it was made (the address written, alias included). */
#ifndef RP_REGMODEL_H
#define RP_REGMODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t addr;  /* as written (an alias address stays an alias) */
    uint32_t value; /* as written */
} rm_write;

/* Hooks for one register (its base address). read: the value a read
 * returns (it may pop a FIFO); write: handles a write whose effect is not
 * storage (a FIFO push), given the value after alias arithmetic. */
typedef uint32_t (*rm_read_fn)(uint32_t addr, void *ctx);
typedef void (*rm_write_fn)(uint32_t addr, uint32_t value, void *ctx);

/* Forget every register, hook, logged write and the time. */
void rm_reset(void);
/* A register's value as stored (no read hook, no side effect). */
uint32_t rm_get(uint32_t addr);
/* Store a value without logging it (a device changing its status). */
void rm_put(uint32_t addr, uint32_t value);
void rm_hook(uint32_t addr, rm_read_fn read, rm_write_fn write, void *ctx);

size_t rm_write_count(void);
const rm_write *rm_write_at(size_t i);
/* Index of the first write to addr (exact address) at or after `from`,
 * or -1. */
long rm_find_write(uint32_t addr, size_t from);
/* How many writes went to addr (exact address). */
size_t rm_writes_to(uint32_t addr);

/* The simulated microsecond clock. */
uint64_t rm_now(void);
void rm_set_now(uint64_t us);
/* The timer's alarms: writing ALARMn arms alarm n (ARMED bit n; writing
 * 1 to ARMED disarms, as to INTR clears). When the clock's low 32 bits
 * reach an armed alarm's value, it disarms and latches INTR bit n, and if
 * INTE bit n is set the handler given here is called, as the NVIC would
 * (time passes in wait loops and in rp_wait_for_interrupt, which jumps to
 * the next alarm). */
void rm_set_timer_isr(void (*isr)(unsigned alarm));

/* Wait-loop turns so far; a test that spins more than this many fails
 * (a wait that would never end on the chip). */
uint64_t rm_spins(void);
#define RM_SPIN_LIMIT 10000000u

#endif
