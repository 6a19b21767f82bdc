/* DW_apb_i2c. Each command pushed into DATA_CMD is one byte on the bus;
 * its RESTART and STOP bits frame the transfer. A refused byte aborts the
 * transfer (the controller then sends a STOP itself and flushes its FIFO);
 * TX_ABRT_SOURCE says why. The bytes go one at a time, each waited for,
 * so a write knows exactly how many were acknowledged. */
#include "i2c.h"

#include "reg.h"
#include "timer.h"

bool rp_i2c_timing(uint32_t clk_hz, uint32_t freq, uint32_t *hcnt, uint32_t *lcnt) {
    if (freq == 0 || freq > 1000000) {
        return false;
    }
    uint32_t period = (clk_hz + freq / 2) / freq;
    uint32_t lo = period * 3 / 5, hi = period - lo;
    if (lo < 8 || hi < 6 || period > 0xffff) { /* the counters' limits */
        return false;
    }
    *hcnt = hi;
    *lcnt = lo;
    return true;
}

static void set_enabled(const rp_i2c *bus, bool on) {
    rp_reg_write(bus->base + RP_I2C_ENABLE, on ? 1u : 0u);
    rp_reg_wait(bus->base + RP_I2C_ENABLE_STATUS, 1u, on ? 1u : 0u);
}

uint32_t rp_i2c_init(rp_i2c *bus, uint32_t base, uint32_t clk_hz, uint32_t freq) {
    uint32_t hcnt, lcnt;
    if (!rp_i2c_timing(clk_hz, freq, &hcnt, &lcnt)) {
        return 0;
    }
    bus->base = base;
    bus->held = false;
    if (bus->timeout_us == 0) {
        bus->timeout_us = 50000;
    }
    set_enabled(bus, false);
    rp_reg_write(base + RP_I2C_CON, RP_I2C_CON_MASTER_MODE | RP_I2C_CON_SPEED_FAST | RP_I2C_CON_RESTART_EN |
                                        RP_I2C_CON_SLAVE_DISABLE | RP_I2C_CON_TX_EMPTY_CTRL);
    rp_reg_write(base + RP_I2C_TX_TL, 0);
    rp_reg_write(base + RP_I2C_RX_TL, 0);
    rp_reg_write(base + RP_I2C_FS_SCL_HCNT, hcnt);
    rp_reg_write(base + RP_I2C_FS_SCL_LCNT, lcnt);
    rp_reg_write(base + RP_I2C_FS_SPKLEN, lcnt < 16 ? 1 : lcnt / 16);
    /* SDA changes 300 ns after SCL falls (120 ns in fast mode plus) */
    uint32_t hold_ns = freq > 400000 ? 120 : 300;
    rp_reg_write(base + RP_I2C_SDA_HOLD, (uint32_t)((uint64_t)clk_hz * hold_ns / 1000000000u) + 1);
    set_enabled(bus, true);
    return clk_hz / (hcnt + lcnt);
}

void rp_i2c_deinit(rp_i2c *bus) {
    set_enabled(bus, false);
    bus->held = false;
}

static void set_target(rp_i2c *bus, uint8_t addr) {
    if ((rp_reg_read(bus->base + RP_I2C_TAR) & 0x3ffu) != addr) {
        set_enabled(bus, false); /* TAR is written only while disabled */
        rp_reg_write(bus->base + RP_I2C_TAR, addr);
        set_enabled(bus, true);
        bus->held = false;
    }
}

/* Why the transfer stopped, clearing the abort. */
static rp_i2c_status aborted(rp_i2c *bus) {
    uint32_t src = rp_reg_read(bus->base + RP_I2C_TX_ABRT_SOURCE);
    rp_reg_read(bus->base + RP_I2C_CLR_TX_ABRT); /* reading clears it */
    bus->held = false;                           /* an abort ends with a STOP */
    return src & RP_I2C_ABRT_7B_ADDR_NOACK ? RP_I2C_NACK_ADDR
           : src & RP_I2C_ABRT_TXDATA_NOACK ? RP_I2C_NACK_DATA
                                            : RP_I2C_ABORT;
}

/* Wait for any of `bits` in RAW_INTR_STAT (or, with status, IC_STATUS);
 * an abort or the timeout ends the wait. */
static rp_i2c_status wait_for(rp_i2c *bus, uint32_t reg, uint32_t bits) {
    uint64_t deadline = rp_timer_now() + bus->timeout_us;
    for (;;) {
        if (rp_reg_read(bus->base + RP_I2C_RAW_INTR_STAT) & RP_I2C_INTR_TX_ABRT) {
            return aborted(bus);
        }
        if (rp_reg_read(bus->base + reg) & bits) {
            return RP_I2C_OK;
        }
        if (rp_timer_now() > deadline) {
            /* give up the bus: disabling the controller drops the transfer */
            set_enabled(bus, false);
            set_enabled(bus, true);
            bus->held = false;
            return RP_I2C_TIMEOUT;
        }
        rp_reg_spin();
    }
}

static rp_i2c_status wait_stop(rp_i2c *bus) {
    rp_i2c_status st = wait_for(bus, RP_I2C_RAW_INTR_STAT, RP_I2C_INTR_STOP_DET);
    rp_reg_read(bus->base + RP_I2C_CLR_STOP_DET);
    return st;
}

static uint32_t framing(const rp_i2c *bus, size_t i, size_t len, bool stop) {
    return (i == 0 && bus->held ? RP_I2C_CMD_RESTART : 0) | (i + 1 == len && stop ? RP_I2C_CMD_STOP : 0);
}

rp_i2c_status rp_i2c_write(rp_i2c *bus, uint8_t addr, const uint8_t *data, size_t len, bool stop, size_t *acked) {
    *acked = 0;
    set_target(bus, addr);
    for (size_t i = 0; i < len; i++) {
        rp_i2c_status st = wait_for(bus, RP_I2C_STATUS, RP_I2C_STATUS_TFNF);
        if (st == RP_I2C_OK) {
            rp_reg_write(bus->base + RP_I2C_DATA_CMD, data[i] | framing(bus, i, len, stop));
            bus->held = false;
            st = wait_for(bus, RP_I2C_RAW_INTR_STAT, RP_I2C_INTR_TX_EMPTY);
        }
        if (st != RP_I2C_OK) {
            if (st != RP_I2C_TIMEOUT) {
                wait_stop(bus); /* the controller's own STOP after the abort */
            }
            return st;
        }
        (*acked)++;
    }
    bus->held = !stop;
    return stop ? wait_stop(bus) : RP_I2C_OK;
}

rp_i2c_status rp_i2c_read(rp_i2c *bus, uint8_t addr, uint8_t *data, size_t len, bool stop) {
    set_target(bus, addr);
    for (size_t i = 0; i < len; i++) {
        rp_i2c_status st = wait_for(bus, RP_I2C_STATUS, RP_I2C_STATUS_TFNF);
        if (st == RP_I2C_OK) {
            rp_reg_write(bus->base + RP_I2C_DATA_CMD, RP_I2C_CMD_READ | framing(bus, i, len, stop));
            bus->held = false;
            st = wait_for(bus, RP_I2C_STATUS, RP_I2C_STATUS_RFNE);
        }
        if (st != RP_I2C_OK) {
            if (st != RP_I2C_TIMEOUT) {
                wait_stop(bus);
            }
            return st;
        }
        data[i] = (uint8_t)rp_reg_read(bus->base + RP_I2C_DATA_CMD);
    }
    bus->held = !stop;
    return stop ? wait_stop(bus) : RP_I2C_OK;
}
