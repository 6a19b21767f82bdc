/* Pico board set-up: everything runs on core 0; core 1 stays in the boot
 * ROM's wait loop. */
#include "board.h"

#include "clocks.h"
#include "gpio.h"
#include "reg.h"
#include "resets.h"
#include "uart.h"

void rp_board_init(void) {
    rp_clocks_init();
    rp_reset_cycle(RP_RESET_IO_BANK0 | RP_RESET_PADS_BANK0 | RP_RESET_UART0 | RP_RESET_TIMER);
    rp_uart_init(RP_CONSOLE_UART, RP_SYS_HZ, RP_CONSOLE_BAUD);
    rp_gpio_set_function(RP_CONSOLE_TX_PIN, RP_GPIO_FUNC_UART);
    rp_gpio_set_function(RP_CONSOLE_RX_PIN, RP_GPIO_FUNC_UART);
}

#define AIRCR 0xe000ed0cu
#define AIRCR_SYSRESETREQ (0x05fau << 16 | 1u << 2) /* with its write key */

void rp_board_reset(void) {
    rp_reg_write(AIRCR, AIRCR_SYSRESETREQ);
    for (;;) {
        rp_reg_spin(); /* the reset takes a few cycles to come */
    }
}

void rp_irq_enable(unsigned irq) {
    rp_reg_write(RP_NVIC_ICPR, 1u << irq); /* forget one that came while off */
    rp_reg_write(RP_NVIC_ISER, 1u << irq);
}

void rp_irq_disable(unsigned irq) {
    rp_reg_write(RP_NVIC_ICER, 1u << irq);
}
