/* RP2040 register map: the addresses and bit fields this port uses, as the
 * RP2040 datasheet gives them (facts, nothing else). Offsets are from the
 * block's base; fields are masks or shifts named after the datasheet's. */
#ifndef RP_REGS_H
#define RP_REGS_H

/* ---- atomic aliases of every APB/AHB-Lite peripheral register (not SIO) */
#define RP_ALIAS_XOR 0x1000u
#define RP_ALIAS_SET 0x2000u
#define RP_ALIAS_CLR 0x3000u

/* ---- memory */
#define RP_FLASH_BASE 0x10000000u /* XIP */
#define RP_SRAM_BASE 0x20000000u
#define RP_SRAM_END 0x20042000u   /* striped banks + SCRATCH_X/Y */

/* ---- RESETS */
#define RP_RESETS_BASE 0x4000c000u
#define RP_RESETS_RESET 0x00u
#define RP_RESETS_DONE 0x08u
#define RP_RESET_ADC (1u << 0)
#define RP_RESET_I2C0 (1u << 3)
#define RP_RESET_I2C1 (1u << 4)
#define RP_RESET_IO_BANK0 (1u << 5)
#define RP_RESET_PADS_BANK0 (1u << 8)
#define RP_RESET_PLL_SYS (1u << 12)
#define RP_RESET_PLL_USB (1u << 13)
#define RP_RESET_PWM (1u << 14)
#define RP_RESET_RTC (1u << 15)
#define RP_RESET_SPI0 (1u << 16)
#define RP_RESET_SPI1 (1u << 17)
#define RP_RESET_TIMER (1u << 21)
#define RP_RESET_UART0 (1u << 22)
#define RP_RESET_UART1 (1u << 23)

/* ---- XOSC: the crystal oscillator (12 MHz on the Pico) */
#define RP_XOSC_BASE 0x40024000u
#define RP_XOSC_CTRL 0x00u
#define RP_XOSC_STATUS 0x04u
#define RP_XOSC_STARTUP 0x0cu
#define RP_XOSC_CTRL_FREQ_1_15MHZ 0xaa0u
#define RP_XOSC_CTRL_ENABLE (0xfabu << 12)
#define RP_XOSC_STATUS_STABLE (1u << 31)

/* ---- PLL_SYS, PLL_USB */
#define RP_PLL_SYS_BASE 0x40028000u
#define RP_PLL_USB_BASE 0x4002c000u
#define RP_PLL_CS 0x00u
#define RP_PLL_PWR 0x04u
#define RP_PLL_FBDIV_INT 0x08u
#define RP_PLL_PRIM 0x0cu
#define RP_PLL_CS_LOCK (1u << 31)
#define RP_PLL_PWR_PD (1u << 0)
#define RP_PLL_PWR_POSTDIVPD (1u << 3)
#define RP_PLL_PWR_VCOPD (1u << 5)
#define RP_PLL_PRIM_POSTDIV1_SHIFT 16
#define RP_PLL_PRIM_POSTDIV2_SHIFT 12

/* ---- CLOCKS: each clock has CTRL, DIV, SELECTED, 12 bytes apart */
#define RP_CLOCKS_BASE 0x40008000u
#define RP_CLK_REF 0x30u
#define RP_CLK_SYS 0x3cu
#define RP_CLK_PERI 0x48u
#define RP_CLK_USB 0x54u
#define RP_CLK_ADC 0x60u
#define RP_CLK_RTC 0x6cu
#define RP_CLK_CTRL 0x0u
#define RP_CLK_DIV 0x4u
#define RP_CLK_SELECTED 0x8u
#define RP_CLK_REF_SRC_XOSC 2u         /* CTRL.SRC, bits 1:0 */
#define RP_CLK_SYS_SRC_AUX 1u          /* CTRL.SRC, bit 0 (0: clk_ref) */
#define RP_CLK_SYS_AUXSRC_SHIFT 5      /* CTRL.AUXSRC bits 7:5, 0: pll_sys */
#define RP_CLK_PERI_ENABLE (1u << 11)  /* AUXSRC 0: clk_sys */
#define RP_CLK_DIV_INT_SHIFT 8
#define RP_CLK_AUX_ENABLE (1u << 11)   /* clk_usb/adc/rtc CTRL.ENABLE; AUXSRC 0: pll_usb */

/* ---- WATCHDOG: the watchdog timer; its TICK generator also clocks the
 * timer (1 us ticks) */
#define RP_WATCHDOG_BASE 0x40058000u
#define RP_WATCHDOG_CTRL 0x00u
#define RP_WATCHDOG_LOAD 0x04u
#define RP_WATCHDOG_REASON 0x08u
#define RP_WATCHDOG_TICK 0x2cu
#define RP_WATCHDOG_TICK_ENABLE (1u << 9)
#define RP_WATCHDOG_CTRL_PAUSE_JTAG (1u << 24)
#define RP_WATCHDOG_CTRL_PAUSE_DBG0 (1u << 25)
#define RP_WATCHDOG_CTRL_PAUSE_DBG1 (1u << 26)
#define RP_WATCHDOG_CTRL_ENABLE (1u << 30)
#define RP_WATCHDOG_CTRL_TRIGGER (1u << 31)
#define RP_WATCHDOG_REASON_TIMER (1u << 0)
#define RP_WATCHDOG_REASON_FORCE (1u << 1)
#define RP_WATCHDOG_LOAD_MAX 0xffffffu

/* ---- PSM: which blocks a watchdog reset resets */
#define RP_PSM_BASE 0x40010000u
#define RP_PSM_WDSEL 0x08u
#define RP_PSM_ALL 0x1ffffu          /* rosc (bit 0) ... proc1 (bit 16) */
#define RP_PSM_OSCILLATORS 0x3u      /* rosc, xosc */

/* ---- ADC: 12-bit SAR, inputs 0..3 on GPIO 26..29, 4 the temperature sensor */
#define RP_ADC_BASE 0x4004c000u
#define RP_ADC_CS 0x00u
#define RP_ADC_RESULT 0x04u
#define RP_ADC_CS_EN (1u << 0)
#define RP_ADC_CS_TS_EN (1u << 1)
#define RP_ADC_CS_START_ONCE (1u << 2)
#define RP_ADC_CS_READY (1u << 8)
#define RP_ADC_CS_ERR (1u << 9)
#define RP_ADC_CS_AINSEL_SHIFT 12
#define RP_ADC_CS_AINSEL_MASK (7u << 12)

/* ---- RTC: calendar clock on clk_rtc */
#define RP_RTC_BASE 0x4005c000u
#define RP_RTC_CLKDIV_M1 0x00u
#define RP_RTC_SETUP_0 0x04u /* YEAR 23:12, MONTH 11:8, DAY 4:0 */
#define RP_RTC_SETUP_1 0x08u /* DOTW 26:24, HOUR 20:16, MIN 13:8, SEC 5:0 */
#define RP_RTC_CTRL 0x0cu
#define RP_RTC_RTC_1 0x18u   /* as SETUP_0 */
#define RP_RTC_RTC_0 0x1cu   /* as SETUP_1; read it before RTC_1 */
#define RP_RTC_CTRL_ENABLE (1u << 0)
#define RP_RTC_CTRL_ACTIVE (1u << 1)
#define RP_RTC_CTRL_LOAD (1u << 4)

/* ---- IO_BANK0: function select and interrupts of GPIO 0..29 */
#define RP_IO_BANK0_BASE 0x40014000u
#define RP_IO_GPIO_CTRL(n) (8u * (n) + 4u)
#define RP_IO_INTR0 0x0f0u           /* raw edges: write 1 to clear */
#define RP_IO_PROC0_INTE0 0x100u
#define RP_IO_PROC0_INTS0 0x120u
#define RP_GPIO_FUNC_SPI 1u
#define RP_GPIO_FUNC_UART 2u
#define RP_GPIO_FUNC_I2C 3u
#define RP_GPIO_FUNC_PWM 4u
#define RP_GPIO_FUNC_SIO 5u
#define RP_GPIO_FUNC_NULL 0x1fu
/* 4 event bits per GPIO in INTRx/INTEx/INTSx, 8 GPIOs per register */
#define RP_GPIO_EV_LEVEL_LOW 1u
#define RP_GPIO_EV_LEVEL_HIGH 2u
#define RP_GPIO_EV_EDGE_LOW 4u
#define RP_GPIO_EV_EDGE_HIGH 8u
#define RP_IRQ_IO_BANK0 13u

/* ---- PADS_BANK0: one register per GPIO */
#define RP_PADS_BANK0_BASE 0x4001c000u
#define RP_PADS_GPIO(n) (4u + 4u * (n))
#define RP_PAD_SCHMITT (1u << 1)
#define RP_PAD_PDE (1u << 2)
#define RP_PAD_PUE (1u << 3)
#define RP_PAD_IE (1u << 6)
#define RP_PAD_OD (1u << 7)

/* ---- SIO: single-cycle GPIO (its own SET/CLR/XOR registers, no aliases) */
#define RP_SIO_BASE 0xd0000000u
#define RP_SIO_GPIO_IN 0x004u
#define RP_SIO_GPIO_OUT 0x010u
#define RP_SIO_GPIO_OUT_SET 0x014u
#define RP_SIO_GPIO_OUT_CLR 0x018u
#define RP_SIO_GPIO_OUT_XOR 0x01cu
#define RP_SIO_GPIO_OE 0x020u
#define RP_SIO_GPIO_OE_SET 0x024u
#define RP_SIO_GPIO_OE_CLR 0x028u

/* ---- UART0/1: ARM PL011 */
#define RP_UART0_BASE 0x40034000u
#define RP_UART1_BASE 0x40038000u
#define RP_UART_DR 0x000u
#define RP_UART_FR 0x018u
#define RP_UART_IBRD 0x024u
#define RP_UART_FBRD 0x028u
#define RP_UART_LCR_H 0x02cu
#define RP_UART_CR 0x030u
#define RP_UART_FR_RXFE (1u << 4)
#define RP_UART_FR_TXFF (1u << 5)
#define RP_UART_FR_BUSY (1u << 3)
#define RP_UART_LCR_H_FEN (1u << 4)
#define RP_UART_LCR_H_WLEN8 (3u << 5)
#define RP_UART_CR_UARTEN (1u << 0)
#define RP_UART_CR_TXE (1u << 8)
#define RP_UART_CR_RXE (1u << 9)

/* ---- SPI0/1: ARM PL022 */
#define RP_SPI0_BASE 0x4003c000u
#define RP_SPI1_BASE 0x40040000u
#define RP_SPI_CR0 0x000u
#define RP_SPI_CR1 0x004u
#define RP_SPI_DR 0x008u
#define RP_SPI_SR 0x00cu
#define RP_SPI_CPSR 0x010u
#define RP_SPI_CR0_SPO (1u << 6)
#define RP_SPI_CR0_SPH (1u << 7)
#define RP_SPI_CR0_SCR_SHIFT 8
#define RP_SPI_CR1_SSE (1u << 1)
#define RP_SPI_SR_TFE (1u << 0)
#define RP_SPI_SR_TNF (1u << 1)
#define RP_SPI_SR_RNE (1u << 2)
#define RP_SPI_SR_BSY (1u << 4)
#define RP_SPI_FIFO_DEPTH 8u

/* ---- I2C0/1: Synopsys DW_apb_i2c */
#define RP_I2C0_BASE 0x40044000u
#define RP_I2C1_BASE 0x40048000u
#define RP_I2C_CON 0x00u
#define RP_I2C_TAR 0x04u
#define RP_I2C_DATA_CMD 0x10u
#define RP_I2C_FS_SCL_HCNT 0x1cu
#define RP_I2C_FS_SCL_LCNT 0x20u
#define RP_I2C_RAW_INTR_STAT 0x34u
#define RP_I2C_RX_TL 0x38u
#define RP_I2C_TX_TL 0x3cu
#define RP_I2C_CLR_TX_ABRT 0x54u
#define RP_I2C_CLR_STOP_DET 0x60u
#define RP_I2C_ENABLE 0x6cu
#define RP_I2C_STATUS 0x70u
#define RP_I2C_TXFLR 0x74u
#define RP_I2C_RXFLR 0x78u
#define RP_I2C_SDA_HOLD 0x7cu
#define RP_I2C_TX_ABRT_SOURCE 0x80u
#define RP_I2C_ENABLE_STATUS 0x9cu
#define RP_I2C_FS_SPKLEN 0xa0u
#define RP_I2C_CON_MASTER_MODE (1u << 0)
#define RP_I2C_CON_SPEED_FAST (2u << 1)
#define RP_I2C_CON_RESTART_EN (1u << 5)
#define RP_I2C_CON_SLAVE_DISABLE (1u << 6)
#define RP_I2C_CON_TX_EMPTY_CTRL (1u << 8)
#define RP_I2C_CMD_READ (1u << 8)
#define RP_I2C_CMD_STOP (1u << 9)
#define RP_I2C_CMD_RESTART (1u << 10)
#define RP_I2C_INTR_TX_EMPTY (1u << 4)
#define RP_I2C_INTR_TX_ABRT (1u << 6)
#define RP_I2C_INTR_STOP_DET (1u << 9)
#define RP_I2C_STATUS_TFNF (1u << 1)
#define RP_I2C_STATUS_RFNE (1u << 3)
#define RP_I2C_ABRT_7B_ADDR_NOACK (1u << 0)
#define RP_I2C_ABRT_TXDATA_NOACK (1u << 3)
#define RP_I2C_FIFO_DEPTH 16u

/* ---- PWM: 8 slices of 0x14 bytes, then EN */
#define RP_PWM_BASE 0x40050000u
#define RP_PWM_SLICE(n) (0x14u * (n))
#define RP_PWM_CSR 0x00u
#define RP_PWM_DIV 0x04u
#define RP_PWM_CTR 0x08u
#define RP_PWM_CC 0x0cu
#define RP_PWM_TOP 0x10u
#define RP_PWM_CSR_EN (1u << 0)
#define RP_PWM_CSR_A_INV (1u << 2)
#define RP_PWM_CSR_B_INV (1u << 3)

/* ---- TIMER: 64-bit microsecond counter, 4 alarms on the low 32 bits */
#define RP_TIMER_BASE 0x40054000u
#define RP_TIMER_ALARM(n) (0x10u + 4u * (n))
#define RP_TIMER_ARMED 0x20u
#define RP_TIMER_RAWH 0x24u
#define RP_TIMER_RAWL 0x28u
#define RP_TIMER_INTR 0x34u
#define RP_TIMER_INTE 0x38u
#define RP_TIMER_INTF 0x3cu
#define RP_TIMER_INTS 0x40u
#define RP_IRQ_TIMER_0 0u

/* ---- Cortex-M0+ system control space */
#define RP_NVIC_ISER 0xe000e100u
#define RP_NVIC_ICER 0xe000e180u
#define RP_NVIC_ICPR 0xe000e280u
#define RP_SCB_VTOR 0xe000ed08u

#endif
