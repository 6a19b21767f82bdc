/* GPIO: IO_BANK0 (function, interrupts), PADS_BANK0 (pulls, input
 * enable), SIO (value, output enable). The interrupt registers hold 4
 * bits for each of 8 GPIOs per word. */
#include "gpio.h"

#include "reg.h"

static uint32_t ctrl_reg(unsigned pin) {
    return RP_IO_BANK0_BASE + RP_IO_GPIO_CTRL(pin);
}

static uint32_t pad_reg(unsigned pin) {
    return RP_PADS_BANK0_BASE + RP_PADS_GPIO(pin);
}

void rp_gpio_set_function(unsigned pin, uint32_t func) {
    rp_reg_field(pad_reg(pin), RP_PAD_IE | RP_PAD_OD, RP_PAD_IE);
    rp_reg_write(ctrl_reg(pin), func); /* FUNCSEL; every override "normal" */
}

void rp_gpio_init(unsigned pin) {
    rp_reg_write(RP_SIO_BASE + RP_SIO_GPIO_OE_CLR, 1u << pin);
    rp_reg_write(RP_SIO_BASE + RP_SIO_GPIO_OUT_CLR, 1u << pin);
    rp_gpio_set_function(pin, RP_GPIO_FUNC_SIO);
}

void rp_gpio_set_pulls(unsigned pin, bool up, bool down) {
    rp_reg_field(pad_reg(pin), RP_PAD_PUE | RP_PAD_PDE, (up ? RP_PAD_PUE : 0) | (down ? RP_PAD_PDE : 0));
}

void rp_gpio_output(unsigned pin, bool open_drain, int value) {
    uint32_t bit = 1u << pin;
    if (open_drain) {
        rp_reg_write(RP_SIO_BASE + RP_SIO_GPIO_OUT_CLR, bit);
        rp_reg_write(RP_SIO_BASE + (value ? RP_SIO_GPIO_OE_CLR : RP_SIO_GPIO_OE_SET), bit);
        return;
    }
    rp_reg_write(RP_SIO_BASE + (value ? RP_SIO_GPIO_OUT_SET : RP_SIO_GPIO_OUT_CLR), bit);
    rp_reg_write(RP_SIO_BASE + RP_SIO_GPIO_OE_SET, bit);
}

void rp_gpio_input(unsigned pin) {
    rp_reg_write(RP_SIO_BASE + RP_SIO_GPIO_OE_CLR, 1u << pin);
}

int rp_gpio_get(unsigned pin) {
    return (int)(rp_reg_read(RP_SIO_BASE + RP_SIO_GPIO_IN) >> pin & 1u);
}

uint32_t rp_gpio_events_of_trigger(unsigned trigger) {
    return (trigger & 1u ? RP_GPIO_EV_EDGE_HIGH : 0) | (trigger & 2u ? RP_GPIO_EV_EDGE_LOW : 0) |
           (trigger & 4u ? RP_GPIO_EV_LEVEL_LOW : 0) | (trigger & 8u ? RP_GPIO_EV_LEVEL_HIGH : 0);
}

unsigned rp_gpio_trigger_of_events(uint32_t events) {
    return (events & RP_GPIO_EV_EDGE_HIGH ? 1u : 0) | (events & RP_GPIO_EV_EDGE_LOW ? 2u : 0) |
           (events & RP_GPIO_EV_LEVEL_LOW ? 4u : 0) | (events & RP_GPIO_EV_LEVEL_HIGH ? 8u : 0);
}

void rp_gpio_irq_set(unsigned pin, uint32_t events) {
    uint32_t word = 4u * (pin / 8), shift = 4u * (pin % 8);
    rp_reg_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + word, (RP_GPIO_EV_EDGE_LOW | RP_GPIO_EV_EDGE_HIGH) << shift);
    rp_reg_field(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + word, 0xfu << shift, (events & 0xfu) << shift);
}

void rp_gpio_irq_mask(unsigned pin, uint32_t events) {
    rp_reg_clr(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4u * (pin / 8), (events & 0xfu) << (4u * (pin % 8)));
}

void rp_gpio_irq_unmask(unsigned pin, uint32_t events) {
    rp_reg_set(RP_IO_BANK0_BASE + RP_IO_PROC0_INTE0 + 4u * (pin / 8), (events & 0xfu) << (4u * (pin % 8)));
}

void rp_gpio_irq_service(void (*fn)(unsigned pin, uint32_t events, void *ctx), void *ctx) {
    for (unsigned word = 0; word < (RP_GPIO_COUNT + 7) / 8; word++) {
        uint32_t status = rp_reg_read(RP_IO_BANK0_BASE + RP_IO_PROC0_INTS0 + 4u * word);
        for (unsigned i = 0; status != 0 && i < 8; i++, status >>= 4) {
            uint32_t ev = status & 0xfu;
            if (ev == 0) {
                continue;
            }
            uint32_t edges = ev & (RP_GPIO_EV_EDGE_LOW | RP_GPIO_EV_EDGE_HIGH);
            if (edges != 0) {
                rp_reg_write(RP_IO_BANK0_BASE + RP_IO_INTR0 + 4u * word, edges << (4u * i));
            }
            fn(8u * word + i, ev, ctx);
        }
    }
}
