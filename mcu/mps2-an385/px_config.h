/* The feature switches of the mps2-an385 firmware (src/config.h has the
 * defaults; docs/ports.md): what a 64 KiB heap and a board without a
 * debugger console cannot afford. */
#define PX_HAS_COMPLEX 0
#define PX_HAS_COMPILER_DEBUG 0
/* frame-stack chunks of 2 KiB, not 64 */
#define PX_FRAME_CHUNK_WORDS 512
/* sys.platform and sys.implementation._machine */
#define PX_SYS_PLATFORM qemu
#define PX_SYS_MACHINE "mps2-an385 with Cortex-M3"
