/* The minimal build CI tests (build-minimal in tests/run.py): every
 * feature switch of src/config.h that can be turned off, off. */
#define PX_HAS_FLOAT 0
#define PX_HAS_COMPLEX 0
#define PX_HAS_COMPILER_DEBUG 0
#define PX_HAS_UNICODE_TABLES 0
#define PX_HAS_BIGINT 0
