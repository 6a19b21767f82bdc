/* The board's RAM disk (ramdisk.c), for boards whose board.h defines
 * BOARD_RAMDISK_SIZE. */
#ifndef PX_MCU_RAMDISK_H
#define PX_MCU_RAMDISK_H

#include "runtime.h"

/* A block device object over the RAM disk (all of them share its bytes). */
px_val mcu_ramdisk(void);

#endif
