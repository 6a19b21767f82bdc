/* QEMU's mps2-an385: ARM's MPS2 FPGA board with the AN385 image, a
 * Cortex-M3 at 25 MHz, 4 MiB of SSRAM for code at 0 and 4 MiB for data at
 * 0x20000000, CMSDK APB UARTs (UART0 is QEMU's first serial port). */
#ifndef PX_BOARD_H
#define PX_BOARD_H

#define BOARD_NAME "mps2-an385"
#define BOARD_CPU_HZ 25000000u
#define BOARD_HEAP_SIZE (64u << 10)
/* the file system's block device: 512 KiB of the data SSRAM (ramdisk.c) */
#define BOARD_RAMDISK_SIZE (512u << 10)

/* CMSDK APB UART0 and its interrupts (receive, send) */
#define UART0_BASE 0x40004000u
#define UART0_RX_IRQ 0
#define UART0_TX_IRQ 1
/* CMSDK APB timers 0 and 1, and the dual timer (two counters on one
 * interrupt): machine.Timer(0..3) (cmsdk_timer.c) */
#define TIMER0_BASE 0x40000000u
#define TIMER1_BASE 0x40001000u
#define DUALTIMER_BASE 0x40002000u
#define TIMER0_IRQ 8
#define TIMER1_IRQ 9
#define DUALTIMER_IRQ 10
#define BOARD_NUM_IRQ 32
#define CONSOLE_BAUD 115200u

#endif
