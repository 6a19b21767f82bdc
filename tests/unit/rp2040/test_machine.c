/* The RP2040's machine module, run by the interpreter against the
 * register model: Python scripts use Pin, Pin.irq, PWM, I2C, SPI, Timer,
 * ADC, WDT, RTC and time.ticks_*, and the test checks what they wrote to the registers,
 * what went over the buses, and what the scripts printed (the same
 * messages as on Linux where the two share argument handling). */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "busmodels.h"
#include "port_model.h"
#include "pwm.h"
#include "reg.h"
#include "regmodel.h"
#include "rp_machine.h"
#include "runtime.h"
#include "../check_run.h"

void rp_isr_io_bank0(void);
void rp_isr_timer0(void);
void rp_isr_timer3(void);

static void *stack_top;
static uint32_t pads_in; /* the level on each pad from outside */

/* GPIO_IN: what drives the pad (SIO's output where enabled, else outside). */
static uint32_t gpio_in(uint32_t addr, void *ctx) {
    uint32_t oe = rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE);
    return (rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT) & oe) | (pads_in & ~oe);
}

static void timer_isr(unsigned alarm) {
    if (alarm == 0) {
        rp_isr_timer0();
    } else if (alarm == 3) {
        rp_isr_timer3();
    }
}

static void setup(void) {
    rm_reset();
    pads_in = 0;
    rm_hook(RP_SIO_BASE + RP_SIO_GPIO_IN, gpio_in, NULL, NULL);
    rm_set_timer_isr(timer_isr);
    rm_set_now(5000000);
    busmodel_i2c_attach(RP_I2C0_BASE);
    busmodel_spi_attach(RP_SPI1_BASE);
    model_heap_reset();
    px_init(MODEL_HEAP_SIZE, stack_top);
    model_out_len = 0;
    model_out[0] = '\0';
}

/* Run source as __main__; the exception it raised, or PX_NULL. */
static px_val run(const char *src) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_run_main_source(src, strlen(src), "<test>");
        px_try_pop(&j);
        return PX_NULL;
    }
    return j.exc;
}

static void run_ok(const char *src) {
    px_val e = run(src);
    ck_assert_msg(e == PX_NULL, "the script raised; output: %s", model_out);
}

/* ---- Pin */

START_TEST(test_pin_output) {
    run_ok("from machine import Pin\n"
           "led = Pin('LED', Pin.OUT)\n"
           "led.on()\n"
           "print(led.value(), led, Pin(25) is led)\n"
           "led.toggle()\n"
           "print(led(), led.name(), led.mode() == Pin.OUT)\n");
    ck_assert_str_eq(model_out, "1 Pin('GP25', mode=OUT) True\n0 GP25 True\n");
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(25)), RP_GPIO_FUNC_SIO);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE), 1u << 25);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT), 0);
}
END_TEST

START_TEST(test_pin_input_pull_open_drain) {
    rm_put(RP_PADS_BANK0_BASE + RP_PADS_GPIO(2), 0x56u); /* reset: pull-down */
    pads_in = 1u << 2;
    run_ok("from machine import Pin\n"
           "b = Pin(2, Pin.IN, Pin.PULL_UP)\n"
           "print(b.value(), b.pull() == Pin.PULL_UP, b)\n"
           "od = Pin('GP3', mode=Pin.OPEN_DRAIN, value=1)\n"
           "print(od)\n");
    ck_assert_str_eq(model_out, "1 True Pin('GP2', mode=IN, pull=PULL_UP)\nPin('GP3', mode=OPEN_DRAIN)\n");
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(2)), (0x56u & ~RP_PAD_PDE) | RP_PAD_PUE);
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE) & (1u << 3), 0); /* 1: released */
    run_ok("from machine import Pin\nPin(3).value(0)\n");
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OE) & (1u << 3), 1u << 3); /* 0: driven low */
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT) & (1u << 3), 0);
}
END_TEST

START_TEST(test_pin_errors) {
    run_ok("from machine import Pin\n"
           "for args in ((30,), ('GP31',), ('D4',), (3, 7), (3, Pin.IN, 5), (2.5,)):\n"
           "    try:\n"
           "        Pin(*args)\n"
           "    except (ValueError, TypeError) as e:\n"
           "        print(type(e).__name__, e)\n"
           "try:\n"
           "    Pin(4, Pin.OUT, drive=9)\n"
           "except ValueError as e:\n"
           "    print(e)\n");
    ck_assert_str_eq(model_out,
                     "ValueError GPIO 30 does not exist: the RP2040 has GPIO 0 to 29\n"
                     "ValueError no pin named 'GP31': the RP2040's pins are 'GP0' to 'GP29' (and 'LED')\n"
                     "ValueError no pin named 'D4': the RP2040's pins are 'GP0' to 'GP29' (and 'LED')\n"
                     "ValueError invalid pin mode 7: use Pin.IN, Pin.OUT or Pin.OPEN_DRAIN\n"
                     "ValueError invalid pull 5: use Pin.PULL_UP, Pin.PULL_DOWN or None\n"
                     "TypeError a Pin id is a GPIO number or a name such as 'GP25', not 'float'\n"
                     "drive must be Pin.DRIVE_0 to Pin.DRIVE_3 (2, 4, 8 or 12 mA), not 9\n");
    run_ok("from machine import Pin\nPin(4, Pin.OUT, drive=Pin.DRIVE_3)\n");
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(4)) >> 4 & 3u, 3);
}
END_TEST

START_TEST(test_signal) {
    run_ok("from machine import Pin, Signal\n"
           "led = Signal(Pin(3, Pin.OUT), invert=True)\n"
           "led.on()\n"
           "print(led.value(), Pin(3).value(), led)\n"
           "relay = Signal(4, Pin.OUT, value=0)\n"
           "relay(1)\n"
           "print(relay(), relay)\n");
    ck_assert_str_eq(model_out, "1 0 Signal(Pin('GP3', mode=OUT), invert=True)\n"
                                "1 Signal(Pin('GP4', mode=OUT), invert=False)\n");
    ck_assert_uint_eq(rm_get(RP_SIO_BASE + RP_SIO_GPIO_OUT), 1u << 4); /* GP3 low: active-low on */
}
END_TEST

/* ---- Pin.irq: the interrupt handler records, the scheduler calls */

static void pin_interrupt(unsigned pin, uint32_t events) {
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 4 * (pin / 8), events << 4 * (pin % 8));
    rp_isr_io_bank0();
    rm_put(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 4 * (pin / 8), 0);
}

START_TEST(test_pin_irq) {
    run_ok("import builtins\n"
           "from machine import Pin\n"
           "builtins.hits = []\n"
           "p = Pin(13, Pin.IN)\n"
           "p.irq(lambda q: hits.append((q.name(), q.irq().flags())), Pin.IRQ_RISING | Pin.IRQ_FALLING)\n"
           "print(p.irq().trigger(), hits)\n");
    /* enabled on processor 0: both edges of GPIO 13 (word 1, nibble 5) */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4), 0xcu << 20);
    ck_assert_uint_eq(rm_get(RP_NVIC_ISER), 1u << RP_IRQ_IO_BANK0);
    pin_interrupt(13, RP_GPIO_EV_EDGE_HIGH);
    ck_assert_int_eq(px_st.pending, 1);
    /* the edge is acknowledged in the interrupt, the handler runs later */
    ck_assert_uint_eq(rm_write_at((size_t)rm_find_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + 4, 0))->value >> 20, 0xc);
    run_ok("print(hits)\n");
    pin_interrupt(13, RP_GPIO_EV_EDGE_LOW);
    pin_interrupt(13, RP_GPIO_EV_EDGE_HIGH); /* both before the scheduler runs: one call */
    run_ok("print(hits)\nPin(13).irq(None)\n");
    ck_assert_str_eq(model_out, "3 []\n[('GP13', 1)]\n[('GP13', 1), ('GP13', 3)]\n");
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4), 0);
}
END_TEST

START_TEST(test_pin_irq_level) {
    run_ok("import builtins\n"
           "from machine import Pin\n"
           "builtins.n = [0]\n"
           "def h(p):\n"
           "    n[0] += 1\n"
           "Pin(6, Pin.IN).irq(h, Pin.IRQ_LOW_LEVEL)\n");
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0), RP_GPIO_EV_LEVEL_LOW << 24);
    pin_interrupt(6, RP_GPIO_EV_LEVEL_LOW);
    /* masked in the interrupt: a level would fire again at once */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0), 0);
    run_ok("x = 0\nwhile x < 3:\n    x += 1\nprint(n[0])\n"); /* the handler runs at the loop's jump */
    /* unmasked once the handler ran: still low, so it comes again */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0), RP_GPIO_EV_LEVEL_LOW << 24);
    ck_assert_str_eq(model_out, "1\n");
}
END_TEST

/* ---- PWM */

START_TEST(test_pwm) {
    const uint32_t s4 = RP_PWM_BASE + RP_PWM_SLICE(4);
    run_ok("from machine import Pin, PWM\n"
           "pwm = PWM(Pin(25), freq=1000, duty_u16=32768)\n"
           "print(pwm.freq(), pwm.duty_u16(), pwm)\n"
           "pwm.duty_ns(250000)\n"
           "print(pwm.duty_ns(), pwm.duty_u16())\n"
           "pwm.freq(2000)\n"
           "print(pwm.freq(), pwm.duty_ns())\n");
    ck_assert_str_eq(model_out, "1000 32768 PWM(Pin('GP25'), freq=1000, duty_u16=32768, invert=False)\n"
                                "250000 16384\n"
                                "2000 250000\n");
    /* GP25: slice 4, channel B */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(25)), RP_GPIO_FUNC_PWM);
    ck_assert_uint_eq(rm_get(s4 + RP_PWM_CSR) & RP_PWM_CSR_EN, RP_PWM_CSR_EN);
    ck_assert_uint_eq(rm_get(s4 + RP_PWM_DIV), 16); /* 2 kHz: 62500 counts, no division */
    ck_assert_uint_eq(rm_get(s4 + RP_PWM_TOP), 62499);
    ck_assert_uint_eq(rm_get(s4 + RP_PWM_CC) >> 16, 31250); /* the same 250 us */
    run_ok("from machine import Pin, PWM\n"
           "p = PWM('GP8', freq=50, invert=True)\n"
           "print(p)\n"
           "for kw in ({'freq': 5}, {'freq': 0}, {'duty_u16': 65536}, {'duty_ns': 30000000}, {'duty_u16': 1, 'duty_ns': 1}):\n"
           "    try:\n"
           "        p.init(**kw)\n"
           "    except ValueError as e:\n"
           "        print(e)\n"
           "p.deinit()\n"
           "try:\n"
           "    p.freq()\n"
           "except ValueError as e:\n"
           "    print(e)\n");
    ck_assert_str_eq(model_out + strlen("1000 32768 PWM(Pin('GP25'), freq=1000, duty_u16=32768, invert=False)\n"
                                        "250000 16384\n2000 250000\n"),
                     "PWM(Pin('GP8'), freq=50, duty_u16=0, invert=True)\n"
                     "freq 5 Hz is out of range for the RP2040's PWM: 8 to 62500000 Hz at clk_sys 125000000 Hz\n"
                     "freq must be 1 to 1000000000 Hz, not 0\n"
                     "duty_u16 must be 0 to 65535, not 65536\n"
                     "duty_ns 30000000 is longer than the period of 19999863 ns\n" /* 50 Hz is 65466 counts of 611/16 */
                     "give duty_u16 or duty_ns, not both\n"
                     "PWM on GP8 was released by deinit(); call init() to use it again\n");
    ck_assert_uint_eq(rm_get(RP_PWM_BASE + RP_PWM_SLICE(4) + RP_PWM_CSR) & RP_PWM_CSR_A_INV, RP_PWM_CSR_A_INV);
}
END_TEST

/* ---- I2C */

START_TEST(test_i2c) {
    run_ok("from machine import I2C, Pin\n"
           "i2c = I2C(0, scl=Pin(5), sda=Pin(4), freq=100000)\n"
           "print(i2c)\n"
           "print(i2c.scan())\n");
    ck_assert_str_eq(model_out, "I2C(0, freq=100000, scl=5, sda=4, timeout=50000)\n[60, 80]\n");
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(4)), RP_GPIO_FUNC_I2C);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(5)), RP_GPIO_FUNC_I2C);
    ck_assert_uint_eq(rm_get(RP_I2C0_BASE + RP_I2C_FS_SCL_HCNT) + rm_get(RP_I2C0_BASE + RP_I2C_FS_SCL_LCNT), 1250);
    bus.wire[0] = '\0';
    model_out_len = 0;
    run_ok("from machine import I2C\n"
           "i2c = I2C(0, freq=100000)\n"
           "i2c.writeto_mem(0x50, 0x10, b'hi')\n"
           "print(i2c.readfrom_mem(0x50, 0x10, 2))\n"
           "i2c.writeto(0x50, b'\\x10', False)\n"
           "print(i2c.readfrom(0x50, 1), i2c.writeto(0x3c, b'abcd'), i2c.writevto(0x50, (b'\\x20', b'xy')))\n"
           "try:\n"
           "    i2c.readfrom(0x42, 1)\n"
           "except OSError as e:\n"
           "    print(e.errno == 6, e)\n"
           "for args in ((0x80, 1), (0x50, -1)):\n"
           "    try:\n"
           "        i2c.readfrom(*args)\n"
           "    except ValueError as e:\n"
           "        print(e)\n"
           "try:\n"
           "    i2c.readfrom_mem(0x50, 0x10000, 1, addrsize=16)\n"
           "except ValueError as e:\n"
           "    print(e)\n");
    ck_assert_str_eq(model_out, "b'hi'\n"
                                "b'h' 2 3\n"
                                "True [Errno 6] I2C(0): no device acknowledged address 0x42 (nothing there, or it is busy)\n"
                                "I2C address 128 out of range: 7-bit addresses are 0x00 to 0x7f\n"
                                "nbytes must not be negative\n"
                                "memaddr 65536 does not fit in addrsize=16 bits\n");
    ck_assert_str_eq(bus.wire, "S 50w 10 68 69 P S 50w 10 R 50r <68 <69 P S 50w 10 R 50r <68 P "
                               "S 3cw 61 62 63 N P S 50w 20 78 79 P S 42r N P");
}
END_TEST

START_TEST(test_i2c_pins_and_timeout) {
    run_ok("from machine import I2C, Pin\n"
           "for kw in ({'scl': Pin(4)}, {'sda': 'GP2'}, {'freq': 2000000}):\n"
           "    try:\n"
           "        I2C(0, **kw)\n"
           "    except ValueError as e:\n"
           "        print(e)\n"
           "try:\n"
           "    I2C(2)\n"
           "except ValueError as e:\n"
           "    print(e)\n"
           "i = I2C(1, scl=Pin(3), sda=Pin(2))\n"
           "i.deinit()\n"
           "print(i)\n"
           "i.init(freq=100000)\n"
           "print(i)\n");
    ck_assert_str_eq(model_out, "GP4 cannot be SCL of I2C(0): use GP1, GP5, GP9... (every 4th pin from GP1)\n"
                                "GP2 cannot be SDA of I2C(0): use GP0, GP4, GP8... (every 4th pin from GP0)\n"
                                "freq must be 1 to 1000000, not 2000000\n"
                                "I2C(2) does not exist: the RP2040 has I2C(0) and I2C(1)\n"
                                "I2C(1, off)\n"
                                "I2C(1, freq=100000, scl=3, sda=2, timeout=50000)\n");
    /* I2C(1) on GP2/GP3: their pads pulled up, their function I2C */
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(2)), RP_GPIO_FUNC_I2C);
    ck_assert_uint_eq(rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(3)) & (RP_PAD_PUE | RP_PAD_PDE), RP_PAD_PUE);
    bus.stuck = true;
    model_out_len = 0;
    run_ok("from machine import I2C\n"
           "try:\n"
           "    I2C(0, timeout=1000).writeto(0x50, b'x')\n"
           "except OSError as e:\n"
           "    print(e)\n");
    char want[256];
    snprintf(want, sizeof want, "[Errno %d] I2C(0): the transfer to 0x50 timed out after 1000 us (a device "
             "holding the bus? check the wiring and the pull-ups on SDA GP4 and SCL GP5)\n", ETIMEDOUT);
    ck_assert_str_eq(model_out, want);
}
END_TEST

/* ---- SPI */

START_TEST(test_spi) {
    run_ok("from machine import SPI, Pin\n"
           "spi = SPI(1, baudrate=1_000_000, sck=Pin(10), mosi=Pin(11), miso=Pin(12))\n"
           "print(spi)\n"
           "print(spi.read(2, 0xff))\n"
           "buf = bytearray(b'\\x0f\\xf0')\n"
           "spi.write_readinto(buf, buf)\n"
           "print(buf)\n"
           "spi.init(baudrate=500_000, firstbit=SPI.LSB)\n"
           "r = bytearray(1)\n"
           "spi.write_readinto(b'\\x01', r)\n"
           "print(r)\n");
    ck_assert_str_eq(model_out, "SPI(1, baudrate=992063, polarity=0, phase=0, bits=8, firstbit=MSB, sck=10, mosi=11, "
                                "miso=12)\n"
                                "b'\\x00\\x00'\n"
                                "bytearray(b'\\xf0\\x0f')\n"
                                "bytearray(b'\\xfe')\n");
    /* LSB first: 0x01 went out as 0x80 */
    ck_assert_uint_eq(spi_dev.seen[spi_dev.sent - 1], 0x80);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(10)), RP_GPIO_FUNC_SPI);
    model_out_len = 0;
    run_ok("from machine import SPI, Pin\n"
           "for kw in ({'sck': Pin(2)}, {'bits': 17}, {'polarity': 2}, {'baudrate': 100}):\n"
           "    try:\n"
           "        SPI(1, **kw)\n"
           "    except ValueError as e:\n"
           "        print(e)\n"
           "s = SPI(1, bits=12)\n"
           "try:\n"
           "    s.write(b'abc')\n"
           "except ValueError as e:\n"
           "    print(e)\n");
    ck_assert_str_eq(model_out, "GP2 cannot be SCK of SPI(1): use GP10, GP14, GP26 or GP30\n"
                                "bits must be 4 to 16, not 17\n"
                                "polarity must be 0 to 1, not 2\n"
                                "baudrate 100 is too low for SPI at clk_sys 125000000 Hz: at least 1923\n"
                                "with bits=12 each word takes 2 bytes: a buffer of 3 bytes is not whole words\n");
}
END_TEST

/* ---- Timer and time */

START_TEST(test_timer_and_ticks) {
    rm_set_now(123456789);
    run_ok("import time\n"
           "print(time.ticks_us(), time.ticks_ms())\n");
    ck_assert_str_eq(model_out, "123456789 123456\n");
    model_out_len = 0;
    run_ok("import time\n"
           "from machine import Timer\n"
           "t0 = time.ticks_ms()\n"
           "got = []\n"
           "t = Timer(period=100, callback=lambda t: got.append(time.ticks_diff(time.ticks_ms(), t0)))\n"
           "print(t)\n"
           "one = Timer(-1, mode=Timer.ONE_SHOT, period=250, callback=lambda t: got.append('one'))\n"
           "time.sleep_ms(350)\n"
           "t.deinit()\n"
           "print(got, t)\n"
           "time.sleep_ms(300)\n"
           "print(len(got))\n");
    ck_assert_str_eq(model_out, "Timer(-1, mode=PERIODIC, period=100ms)\n"
                                "[100, 200, 'one', 300] Timer(-1, stopped)\n"
                                "4\n");
    model_out_len = 0;
    run_ok("from machine import Timer\n"
           "for kw in ({'period': 0}, {'mode': 5, 'period': 1}, {}):\n"
           "    try:\n"
           "        Timer(1).init(**kw)\n"
           "    except ValueError as e:\n"
           "        print(e)\n");
    ck_assert_str_eq(model_out, "period must be positive, not 0\n"
                                "mode must be Timer.ONE_SHOT or Timer.PERIODIC, not 5\n"
                                "Timer needs freq= or period= (in ms)\n");
}
END_TEST

/* ---- ADC, WDT, RTC */

START_TEST(test_adc) {
    busmodel_adc_attach();
    rm_put(RP_PADS_BANK0_BASE + RP_PADS_GPIO(26), 0x56u);
    adc_dev.input[0] = 0xfff;
    adc_dev.input[2] = 0x800;
    adc_dev.input[4] = 876; /* 0.706 V: about 27 C */
    run_ok("from machine import ADC, Pin\n"
           "a = ADC(Pin(26))\n"
           "t = ADC(ADC.CORE_TEMP)\n"
           "print(a, t, ADC('GP28'), ADC(1))\n"
           "print(a.read_u16(), a.read_uv(), ADC(2).read_u16(), t.read_u16(), t.read_uv())\n"
           "print((27000000 - (t.read_uv() - 706000) * 1000000 // 1721) // 1000, 'mC')\n"
           "a.init(bits=12)\n"
           "for args, kw in (((5,), {}), ((Pin(25),), {}), ((26,), {}), ((0,), {'atten': 1}),\n"
           "                 ((0,), {'bits': 10}), ((0,), {'bits': 40}), ((), {}), ((2.5,), {})):\n"
           "    try:\n"
           "        ADC(*args, **kw)\n"
           "    except (ValueError, TypeError) as e:\n"
           "        print(type(e).__name__, e)\n");
    ck_assert_str_eq(model_out,
                     "ADC(Pin('GP26')) ADC(CORE_TEMP) ADC(Pin('GP28')) ADC(Pin('GP27'))\n"
                     "65535 3299194 32776 14019 705762\n"
                     "27138 mC\n"
                     "ValueError ADC input 5 does not exist: the RP2040 has 0 to 3 (GP26 to GP29) and 4 "
                     "(ADC.CORE_TEMP, the temperature sensor)\n"
                     "ValueError GP25 has no ADC input: the RP2040's are GP26 to GP29\n"
                     "ValueError ADC input 26 does not exist: the RP2040 has 0 to 3 (GP26 to GP29) and 4 "
                     "(ADC.CORE_TEMP, the temperature sensor)\n"
                     "ValueError atten: the RP2040's ADC has one sampling time and one range (0 to 3.3 V); give None\n"
                     "ValueError the RP2040's ADC converts 12 bits, not bits=10\n"
                     "ValueError bits must be 1 to 32, not 40\n"
                     "TypeError ADC() takes the input (a Pin, GPIO 26..29's name, or 0..4) as its one positional "
                     "argument\n"
                     "TypeError a Pin id is a GPIO number or a name such as 'GP25', not 'float'\n");
    /* the pads of the inputs used are analog; the sensor was powered for its reads only */
    uint32_t pad = rm_get(RP_PADS_BANK0_BASE + RP_PADS_GPIO(26));
    ck_assert_uint_eq(pad & (RP_PAD_IE | RP_PAD_PUE | RP_PAD_PDE | RP_PAD_OD), RP_PAD_OD);
    ck_assert_uint_eq(rm_get(RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(26)), RP_GPIO_FUNC_NULL);
    ck_assert_uint_eq(rm_get(RP_CLOCKS_BASE + RP_CLK_ADC + RP_CLK_CTRL), RP_CLK_AUX_ENABLE);
    ck_assert_uint_eq(adc_dev.conversions, 6);
    adc_dev.fail = true;
    run_ok("from machine import ADC\n"
           "try:\n"
           "    ADC(0).read_u16()\n"
           "except OSError as e:\n"
           "    print(e.errno == 5, e)\n");
    ck_assert_str_eq(strstr(model_out, "True"),
                     "True [Errno 5] ADC input 0: the conversion failed (the ADC flagged an error); read again\n");
}
END_TEST

START_TEST(test_wdt) {
    run_ok("from machine import WDT, reset_cause, PWRON_RESET, WDT_RESET\n"
           "print(reset_cause() == PWRON_RESET)\n"
           "w = WDT(timeout=2000)\n"
           "print(w)\n"
           "w.feed()\n"
           "for args in ((1,), (0, 9000), (0, 0)):\n"
           "    try:\n"
           "        WDT(*args)\n"
           "    except ValueError as e:\n"
           "        print(e)\n");
    ck_assert_str_eq(model_out, "True\n"
                                "WDT(0, timeout=2000)\n"
                                "WDT(1) does not exist: the RP2040 has one watchdog, WDT(0)\n"
                                "timeout 9000 ms is too long for the RP2040's watchdog: at most 8388 ms\n"
                                "timeout must be a positive number of milliseconds, not 0\n");
    ck_assert_uint_eq(rm_get(RP_WATCHDOG_BASE + RP_WATCHDOG_LOAD), 4000000u);
    ck_assert_uint_eq(rm_writes_to(RP_WATCHDOG_BASE + RP_WATCHDOG_LOAD), 2); /* started, fed */
    ck_assert_uint_eq(rm_get(RP_WATCHDOG_BASE + RP_WATCHDOG_CTRL) & RP_WATCHDOG_CTRL_ENABLE,
                      RP_WATCHDOG_CTRL_ENABLE);
    model_out_len = 0;
    rm_put(RP_WATCHDOG_BASE + RP_WATCHDOG_REASON, RP_WATCHDOG_REASON_TIMER);
    run_ok("import machine\nprint(machine.reset_cause() == machine.WDT_RESET)\n");
    ck_assert_str_eq(model_out, "True\n");
}
END_TEST

START_TEST(test_rtc) {
    busmodel_rtc_attach();
    run_ok("from machine import RTC\n"
           "r = RTC()\n"
           "print(r, r.datetime())\n"
           "r.datetime((2026, 12, 7, 4, 20, 45, 9, 123))\n"
           "print(r.datetime())\n"
           "r.init((2024, 2, 29, 23, 59, 58, 0, None))\n"
           "print(r.datetime())\n"
           "for t in ((2030, 2, 30, 0, 0, 0, 0, 0), (5000, 1, 1, 0, 0, 0, 0, 0), (2030, 1, 1, 0, 24, 0, 0, 0)):\n"
           "    try:\n"
           "        r.datetime(t)\n"
           "    except ValueError as e:\n"
           "        print(e)\n"
           "try:\n"
           "    RTC(1)\n"
           "except ValueError as e:\n"
           "    print(e)\n");
    ck_assert_str_eq(model_out, "RTC(0: the RP2040's RTC) (2000, 1, 1, 5, 0, 0, 0, 0)\n"
                                "(2026, 12, 7, 0, 20, 45, 9, 0)\n"
                                "(2024, 2, 29, 3, 23, 59, 58, 0)\n"
                                "RTC: no such date: day 30 of month 2\n"
                                "RTC: the RP2040's RTC counts years up to 4095, not 5000\n"
                                "RTC: hours must be 0..23, not 24\n"
                                "RTC(1) does not exist: there is one clock, RTC(0)\n");
    /* the chip's week starts on Sunday: Thursday is 4 */
    ck_assert_uint_eq(rm_get(RP_RTC_BASE + RP_RTC_SETUP_0), 2024u << 12 | 2u << 8 | 29u);
    ck_assert_uint_eq(rm_get(RP_RTC_BASE + RP_RTC_SETUP_1), 4u << 24 | 23u << 16 | 59u << 8 | 58u);
    ck_assert_uint_eq(rtc_dev.loads, 3);
    /* time passes on the chip */
    rm_put(RP_RTC_BASE + RP_RTC_RTC_0, 4u << 24 | 23u << 16 | 59u << 8 | 59u);
    model_out_len = 0;
    run_ok("from machine import RTC\nprint(RTC().datetime()[4:7])\n");
    ck_assert_str_eq(model_out, "(23, 59, 59)\n");
}
END_TEST

int main(void) {
    stack_top = __builtin_frame_address(0);
    Suite *s = suite_create("rp2040_machine");
    TCase *tc = tcase_create("machine");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_pin_output);
    tcase_add_test(tc, test_pin_input_pull_open_drain);
    tcase_add_test(tc, test_pin_errors);
    tcase_add_test(tc, test_signal);
    tcase_add_test(tc, test_pin_irq);
    tcase_add_test(tc, test_pin_irq_level);
    tcase_add_test(tc, test_pwm);
    tcase_add_test(tc, test_i2c);
    tcase_add_test(tc, test_i2c_pins_and_timeout);
    tcase_add_test(tc, test_spi);
    tcase_add_test(tc, test_timer_and_ticks);
    tcase_add_test(tc, test_adc);
    tcase_add_test(tc, test_wdt);
    tcase_add_test(tc, test_rtc);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
