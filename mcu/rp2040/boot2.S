/* Second-stage boot loader for the Pico's W25Q080 QSPI flash: the boot
 * ROM copies these 256 bytes (252 of code, then their CRC32, which it
 * checks) from the start of flash to SRAM at 0x20041f00 and runs them.
 * They set the SSI (the flash interface) up for execute-in-place with the
 * flash's fast quad read (EBh) in continuous-read mode, then enter the
 * image through its vector table at 0x10000100.
 *
 * 1. standard SPI, 8-bit frames: make sure the flash's Quad Enable bit
 *    (status register 2, bit 1) is set, writing it if not;
 * 2. send one EBh command with the mode bits A0h after the address, which
 *    puts the flash in continuous-read mode;
 * 3. from then on XIP sends only the address and the mode bits, in quad. */
    .syntax unified
    .cpu cortex-m0plus
    .thumb

    .equ PADS_QSPI, 0x40020000
    .equ SSI, 0x18000000
    .equ SSI_CTRLR0, 0x00
    .equ SSI_CTRLR1, 0x04
    .equ SSI_SSIENR, 0x08
    .equ SSI_BAUDR, 0x14
    .equ SSI_SR, 0x28
    .equ SSI_DR0, 0x60
    .equ SSI_SPI_CTRLR0, 0xf4
    .equ SR_BUSY, 1
    .equ SR_TFE, 4
    /* SPI_CTRLR0: address (24 bits + 8 mode bits) and 4 wait cycles */
    .equ ADDR_MODE_WAIT, (8 << 2) | (4 << 11)

    .section .text.boot2, "ax"
    .global rp_boot2
    .type rp_boot2, %function
    .thumb_func
rp_boot2:
    /* pads: SCLK 8 mA, fast slew; the data pins' Schmitt triggers off
     * (their CLR alias: input enable and pulls stay as they are) */
    ldr r3, =PADS_QSPI
    movs r0, #0x21
    str r0, [r3, #0x04]
    ldr r3, =PADS_QSPI + 0x3000
    movs r0, #0x02
    str r0, [r3, #0x08]
    str r0, [r3, #0x0c]
    str r0, [r3, #0x10]
    str r0, [r3, #0x14]

    ldr r3, =SSI
    movs r1, #0
    str r1, [r3, #SSI_SSIENR]
    movs r1, #4                     /* clk_sys / 4 */
    str r1, [r3, #SSI_BAUDR]
    ldr r1, =(7 << 16)              /* 8-bit frames, transmit and receive */
    str r1, [r3, #SSI_CTRLR0]
    movs r1, #1
    str r1, [r3, #SSI_SSIENR]

    movs r0, #0x35                  /* read status register 2 */
    bl read_status
    movs r1, #0x02
    tst r0, r1
    bne quad_enabled
    movs r1, #0x06                  /* write enable */
    str r1, [r3, #SSI_DR0]
    bl wait_idle
    ldr r1, [r3, #SSI_DR0]
    movs r1, #0x01                  /* write status 1 and 2: 00h, 02h (QE) */
    str r1, [r3, #SSI_DR0]
    movs r1, #0x00
    str r1, [r3, #SSI_DR0]
    movs r1, #0x02
    str r1, [r3, #SSI_DR0]
    bl wait_idle
    ldr r1, [r3, #SSI_DR0]
    ldr r1, [r3, #SSI_DR0]
    ldr r1, [r3, #SSI_DR0]
1:  movs r0, #0x05                  /* until status 1's BUSY clears */
    bl read_status
    movs r1, #1
    tst r0, r1
    bne 1b

quad_enabled:
    movs r1, #0
    str r1, [r3, #SSI_SSIENR]
    /* quad frames of 32 bits, EEPROM read mode, one frame per command */
    ldr r1, =(2 << 21) | (31 << 16) | (3 << 8)
    str r1, [r3, #SSI_CTRLR0]
    movs r1, #0
    str r1, [r3, #SSI_CTRLR1]
    ldr r2, =SSI + SSI_SPI_CTRLR0
    /* 8-bit command in standard SPI, address and data in quad */
    ldr r1, =ADDR_MODE_WAIT | (2 << 8) | 1
    str r1, [r2]
    movs r1, #1
    str r1, [r3, #SSI_SSIENR]
    movs r1, #0xeb                  /* fast read quad I/O */
    str r1, [r3, #SSI_DR0]
    movs r1, #0xa0                  /* address 0, mode bits A0h: continuous read */
    str r1, [r3, #SSI_DR0]
    bl wait_idle

    movs r1, #0
    str r1, [r3, #SSI_SSIENR]
    /* XIP: no command, the mode bits A0h after each address, all in quad */
    ldr r1, =(0xa0 << 24) | ADDR_MODE_WAIT | 2
    str r1, [r2]
    movs r1, #1
    str r1, [r3, #SSI_SSIENR]

    /* enter the image: its vector table, stack pointer, reset handler */
    ldr r0, =0x10000100
    ldr r1, =0xe000ed08             /* VTOR */
    str r0, [r1]
    ldm r0, {r0, r1}
    msr msp, r0
    bx r1

/* Wait until the transmit FIFO is empty and the SSI idle. */
wait_idle:
    ldr r1, [r3, #SSI_SR]
    movs r0, #SR_TFE
    tst r1, r0
    beq wait_idle
    movs r0, #SR_BUSY
    tst r1, r0
    bne wait_idle
    bx lr

/* r0: a read-status command; returns the status byte in r0. */
read_status:
    push {lr}
    str r0, [r3, #SSI_DR0]
    str r0, [r3, #SSI_DR0]
    bl wait_idle
    ldr r0, [r3, #SSI_DR0]
    ldr r0, [r3, #SSI_DR0]
    pop {pc}

    .ltorg
