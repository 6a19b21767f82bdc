/* DW_apb_i2c controller as a 7-bit-address master. */
#ifndef RP_I2C_H
#define RP_I2C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t base;
    uint32_t timeout_us; /* longest wait for the bus at each step */
    bool held;           /* the last transfer ended without a STOP */
} rp_i2c;

typedef enum {
    RP_I2C_OK = 0,
    RP_I2C_NACK_ADDR, /* no device acknowledged the address */
    RP_I2C_NACK_DATA, /* the device refused a data byte */
    RP_I2C_TIMEOUT,   /* the bus did not move (SCL held low, no pull-ups) */
    RP_I2C_ABORT,     /* another abort reason (lost arbitration...) */
} rp_i2c_status;

/* The SCL high and low counts for freq (fast-mode timing: low 60% of the
 * period); false if freq is above 1 MHz or too fast for clk. */
bool rp_i2c_timing(uint32_t clk_hz, uint32_t freq, uint32_t *hcnt, uint32_t *lcnt);
/* Reset-state controller to a master at freq; returns the SCL frequency
 * set, or 0 (nothing changed) if freq is out of reach. */
uint32_t rp_i2c_init(rp_i2c *bus, uint32_t base, uint32_t clk_hz, uint32_t freq);
void rp_i2c_deinit(rp_i2c *bus);
/* Write len >= 1 bytes to addr; *acked receives how many the device
 * acknowledged. stop false leaves the bus held for the next transfer,
 * which then begins with a repeated start. */
rp_i2c_status rp_i2c_write(rp_i2c *bus, uint8_t addr, const uint8_t *data, size_t len, bool stop, size_t *acked);
rp_i2c_status rp_i2c_read(rp_i2c *bus, uint8_t addr, uint8_t *data, size_t len, bool stop);

#endif
