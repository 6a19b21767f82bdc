/* I2C (DW_apb_i2c) and SPI (PL022) register logic against the register
 * model, with a device on each bus (busmodels.h). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "busmodels.h"
#include "i2c.h"
#include "reg.h"
#include "regmodel.h"
#include "spi.h"
#include "../check_run.h"

#define I2C RP_I2C0_BASE
#define SPI RP_SPI1_BASE

static rp_i2c i2c;

static void i2c_setup(void) {
    rm_reset();
    busmodel_i2c_attach(I2C);
    memset(&i2c, 0, sizeof i2c);
    ck_assert_uint_ne(rp_i2c_init(&i2c, I2C, 125000000, 400000), 0);
}

START_TEST(test_i2c_timing) {
    uint32_t h, l;
    ck_assert(rp_i2c_timing(125000000, 100000, &h, &l));
    ck_assert_uint_eq(h + l, 1250);
    ck_assert_uint_eq(l, 750); /* low 60% */
    ck_assert(rp_i2c_timing(125000000, 400000, &h, &l));
    ck_assert_uint_eq(h + l, 313); /* 312.5 rounded */
    ck_assert(rp_i2c_timing(125000000, 1000000, &h, &l));
    ck_assert(!rp_i2c_timing(125000000, 1000001, &h, &l));
    ck_assert(!rp_i2c_timing(125000000, 1000, &h, &l)); /* 125000 counts: above the 16-bit counters */
    ck_assert(!rp_i2c_timing(125000000, 0, &h, &l));
}
END_TEST

START_TEST(test_i2c_init_registers) {
    uint32_t con = rm_get(I2C + RP_I2C_CON);
    ck_assert_uint_eq(con, RP_I2C_CON_MASTER_MODE | RP_I2C_CON_SPEED_FAST | RP_I2C_CON_RESTART_EN |
                               RP_I2C_CON_SLAVE_DISABLE | RP_I2C_CON_TX_EMPTY_CTRL);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_FS_SCL_LCNT), 187);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_FS_SCL_HCNT), 126);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_FS_SPKLEN), 11);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_SDA_HOLD), 38); /* 300 ns at 125 MHz, plus one */
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_ENABLE), 1);
    /* configured while disabled */
    long off = rm_find_write(I2C + RP_I2C_ENABLE, 0), con_w = rm_find_write(I2C + RP_I2C_CON, 0);
    ck_assert(off >= 0 && rm_write_at((size_t)off)->value == 0 && off < con_w);
}
END_TEST

START_TEST(test_i2c_write_then_read) {
    size_t acked;
    const uint8_t data[] = {0x10, 'h', 'i'};
    ck_assert_int_eq(rp_i2c_write(&i2c, EEPROM, data, 3, true, &acked), RP_I2C_OK);
    ck_assert_uint_eq(acked, 3);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_TAR), EEPROM);
    /* memory read: the address written without a STOP, then a read after a repeated start */
    const uint8_t at = 0x10;
    uint8_t got[2];
    ck_assert_int_eq(rp_i2c_write(&i2c, EEPROM, &at, 1, false, &acked), RP_I2C_OK);
    ck_assert(i2c.held);
    ck_assert_int_eq(rp_i2c_read(&i2c, EEPROM, got, 2, true), RP_I2C_OK);
    ck_assert(!i2c.held);
    ck_assert_mem_eq(got, "hi", 2);
    ck_assert_str_eq(bus.wire, "S 50w 10 68 69 P S 50w 10 R 50r <68 <69 P");
}
END_TEST

START_TEST(test_i2c_restart_between_writes) {
    size_t acked;
    const uint8_t a[] = {0x20}, b[] = {0x41};
    ck_assert_int_eq(rp_i2c_write(&i2c, EEPROM, a, 1, false, &acked), RP_I2C_OK);
    ck_assert_int_eq(rp_i2c_write(&i2c, EEPROM, b, 1, true, &acked), RP_I2C_OK);
    /* a write after a held write starts again with a repeated start: RESTART on its first command */
    ck_assert_str_eq(bus.wire, "S 50w 20 R 50w 41 P");
}
END_TEST

START_TEST(test_i2c_nack) {
    size_t acked;
    uint8_t b;
    ck_assert_int_eq(rp_i2c_read(&i2c, 0x42, &b, 1, true), RP_I2C_NACK_ADDR);
    const uint8_t data[] = {1, 2, 3, 4};
    ck_assert_int_eq(rp_i2c_write(&i2c, 0x42, data, 4, true, &acked), RP_I2C_NACK_ADDR);
    ck_assert_uint_eq(acked, 0);
    ck_assert_int_eq(rp_i2c_write(&i2c, PICKY, data, 4, true, &acked), RP_I2C_NACK_DATA);
    ck_assert_uint_eq(acked, 2);
    ck_assert_str_eq(bus.wire, "S 42r N P S 42w N P S 3cw 01 02 03 N P");
    /* the aborts were cleared: the bus works on */
    ck_assert(!bus.abrt && !bus.stop_det);
    ck_assert_int_eq(rp_i2c_read(&i2c, EEPROM, &b, 1, true), RP_I2C_OK);
    /* TAR is written while the controller is disabled */
    for (size_t i = 0; i < rm_write_count(); i++) {
        if (rm_write_at(i)->addr == I2C + RP_I2C_TAR) {
            long en = -1;
            for (size_t j = 0; j < i; j++) {
                if (rm_write_at(j)->addr == I2C + RP_I2C_ENABLE) {
                    en = (long)j;
                }
            }
            ck_assert(en >= 0 && rm_write_at((size_t)en)->value == 0);
        }
    }
}
END_TEST

START_TEST(test_i2c_timeout) {
    size_t acked;
    const uint8_t d = 1;
    bus.stuck = true; /* SCL held low: nothing ever leaves */
    i2c.timeout_us = 2000;
    uint64_t t0 = rm_now();
    ck_assert_int_eq(rp_i2c_write(&i2c, EEPROM, &d, 1, true, &acked), RP_I2C_TIMEOUT);
    ck_assert_uint_ge(rm_now() - t0, 2000);
    ck_assert_uint_lt(rm_now() - t0, 2100);
    ck_assert_uint_eq(acked, 0);
    ck_assert_uint_eq(rm_get(I2C + RP_I2C_ENABLE), 1); /* re-enabled for the next try */
}
END_TEST

/* ---- SPI */

static void spi_setup(void) {
    rm_reset();
    busmodel_spi_attach(SPI);
}

START_TEST(test_spi_clock) {
    uint32_t pre, scr;
    ck_assert(rp_spi_clock(125000000, 1000000, &pre, &scr));
    ck_assert_uint_eq(pre, 2);
    ck_assert_uint_eq(scr, 62); /* 992 kHz: never above what was asked */
    ck_assert(rp_spi_clock(125000000, 62500000, &pre, &scr));
    ck_assert_uint_eq(pre * (scr + 1), 2);
    ck_assert(rp_spi_clock(125000000, 100000000, &pre, &scr)); /* too fast: the fastest */
    ck_assert_uint_eq(pre * (scr + 1), 2);
    ck_assert(rp_spi_clock(125000000, 10000, &pre, &scr));
    ck_assert_uint_le(125000000 / (pre * (scr + 1)), 10000);
    ck_assert_uint_eq(pre % 2, 0);
    ck_assert_uint_le(scr, 255);
    ck_assert(rp_spi_clock(125000000, 1923, &pre, &scr)); /* the slowest: 125e6 / (254 * 256) */
    ck_assert(!rp_spi_clock(125000000, 1921, &pre, &scr));
    for (uint32_t baud = 2000; baud < 70000000; baud = baud * 3 / 2) {
        ck_assert(rp_spi_clock(125000000, baud, &pre, &scr));
        uint32_t got = 125000000 / (pre * (scr + 1));
        ck_assert_msg(got <= baud || pre * (scr + 1) == 2, "%u Hz for %u", got, baud);
        ck_assert_msg(pre >= 2 && pre <= 254 && pre % 2 == 0 && scr <= 255, "pre %u scr %u", pre, scr);
        /* and the next step faster would be too fast */
        ck_assert(scr == 0 || (uint64_t)baud * pre * scr < 125000000);
    }
}
END_TEST

START_TEST(test_spi_init_registers) {
    ck_assert_uint_eq(rp_spi_init(SPI, 125000000, 1000000, 1, 0, 8), 992063);
    ck_assert_uint_eq(rm_get(SPI + RP_SPI_CPSR), 2);
    ck_assert_uint_eq(rm_get(SPI + RP_SPI_CR0), 62u << 8 | RP_SPI_CR0_SPO | 7u);
    ck_assert_uint_eq(rm_get(SPI + RP_SPI_CR1), RP_SPI_CR1_SSE);
    ck_assert_uint_eq(rp_spi_init(SPI, 125000000, 1000000, 0, 1, 16), 992063);
    ck_assert_uint_eq(rm_get(SPI + RP_SPI_CR0), 62u << 8 | RP_SPI_CR0_SPH | 15u);
    size_t n = rm_write_count();
    ck_assert_uint_eq(rp_spi_init(SPI, 125000000, 1000000, 0, 0, 17), 0); /* PL022: 4..16 bits */
    ck_assert_uint_eq(rp_spi_init(SPI, 125000000, 1000, 0, 0, 8), 0);
    ck_assert_uint_eq(rm_write_count(), n); /* refused settings change nothing */
    rp_spi_deinit(SPI);
    ck_assert_uint_eq(rm_get(SPI + RP_SPI_CR1), 0);
}
END_TEST

START_TEST(test_spi_transfer_bytes) {
    rp_spi_init(SPI, 125000000, 1000000, 0, 0, 8);
    uint8_t tx[40], rx[40];
    for (unsigned i = 0; i < sizeof tx; i++) {
        tx[i] = (uint8_t)(i * 7);
    }
    rp_spi_transfer(SPI, 8, tx, rx, sizeof tx, 0); /* more than the FIFOs hold */
    for (unsigned i = 0; i < sizeof tx; i++) {
        ck_assert_uint_eq(spi_dev.seen[i], tx[i]);
        ck_assert_uint_eq(rx[i], (uint8_t)~tx[i]);
    }
    ck_assert_uint_eq(spi_dev.nrx, 0);
    /* in place (write_readinto with one buffer) */
    rp_spi_transfer(SPI, 8, tx, tx, sizeof tx, 0);
    ck_assert_mem_eq(tx, rx, sizeof tx);
    /* read: the fill byte goes out */
    spi_dev.sent = 0;
    rp_spi_transfer(SPI, 8, NULL, rx, 3, 0xff);
    ck_assert_uint_eq(spi_dev.seen[0], 0xff);
    ck_assert_uint_eq(spi_dev.seen[2], 0xff);
    ck_assert_uint_eq(rx[0], 0);
}
END_TEST

START_TEST(test_spi_transfer_words) {
    spi_dev.mask = 0x0fff;
    rp_spi_init(SPI, 125000000, 1000000, 0, 0, 12);
    const uint8_t tx[4] = {0x34, 0x02, 0xff, 0x0a}; /* 0x0234, 0x0aff, little-endian */
    uint8_t rx[4];
    rp_spi_transfer(SPI, 12, tx, rx, 2, 0);
    ck_assert_uint_eq(spi_dev.seen[0], 0x0234);
    ck_assert_uint_eq(spi_dev.seen[1], 0x0aff);
    ck_assert_uint_eq(rx[0] | rx[1] << 8, 0x0dcb);
    ck_assert_uint_eq(rx[2] | rx[3] << 8, 0x0500);
    /* write only: what comes in is drained and dropped */
    rp_spi_transfer(SPI, 12, tx, NULL, 2, 0);
    ck_assert_uint_eq(spi_dev.nrx, 0);
}
END_TEST

int main(void) {
    Suite *s = suite_create("rp2040_i2c_spi");
    TCase *ti = tcase_create("i2c");
    tcase_add_checked_fixture(ti, i2c_setup, NULL);
    tcase_add_test(ti, test_i2c_timing);
    tcase_add_test(ti, test_i2c_init_registers);
    tcase_add_test(ti, test_i2c_write_then_read);
    tcase_add_test(ti, test_i2c_restart_between_writes);
    tcase_add_test(ti, test_i2c_nack);
    tcase_add_test(ti, test_i2c_timeout);
    suite_add_tcase(s, ti);
    TCase *ts = tcase_create("spi");
    tcase_add_checked_fixture(ts, spi_setup, NULL);
    tcase_add_test(ts, test_spi_clock);
    tcase_add_test(ts, test_spi_init_registers);
    tcase_add_test(ts, test_spi_transfer_bytes);
    tcase_add_test(ts, test_spi_transfer_words);
    suite_add_tcase(s, ts);
    return px_check_run(s, false);
}
