/* UART.irq() (uart_irq.c): IRQ_RX and IRQ_RXIDLE through the event
 * poller. machine_uart.c keeps the irq object of each UART and attaches it
 * to the tty fd whenever the device is open. */
#ifndef PX_UART_IRQ_H
#define PX_UART_IRQ_H

#include "runtime.h"

#define PX_UART_IRQ_RX 1
#define PX_UART_IRQ_RXIDLE 2
#define PX_UART_IRQ_TXIDLE 4
#define PX_UART_IRQ_BREAK 8

typedef struct px_uart_irq px_uart_irq;
extern const px_type px_type_uart_irq;

/* Set handler and trigger (ValueError for triggers Linux cannot give);
 * irq NULL: a new one for `uart`. Returns it; call attach to start. */
px_uart_irq *px_uart_irq_set(px_uart_irq *irq, px_val uart, px_val handler, unsigned trigger);
/* Watch fd for the trigger's events; idle_us is the quiet time for
 * IRQ_RXIDLE. Safe to call again (after init(), a new trigger). */
void px_uart_irq_attach(px_uart_irq *irq, int fd, int64_t idle_us);
/* Stop watching (deinit, close). NULL is fine. */
void px_uart_irq_detach(px_uart_irq *irq);

#endif
