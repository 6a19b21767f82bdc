/* What the binary was compiled for and with, as text for sys.implementation
 * ._machine and the platform module: one place for both. */
#ifndef PX_MODULES_BUILD_TARGET_H
#define PX_MODULES_BUILD_TARGET_H

#if defined(__x86_64__)
#define PX_BUILD_ARCH "x86_64"
#elif defined(__i386__)
#define PX_BUILD_ARCH "x86"
#elif defined(__aarch64__)
#define PX_BUILD_ARCH "aarch64"
#elif defined(__arm__)
#define PX_BUILD_ARCH "arm"
#elif defined(__riscv)
#define PX_BUILD_ARCH "riscv"
#else
#define PX_BUILD_ARCH "unknown"
#endif

#if defined(__clang__)
#define PX_BUILD_COMPILER "Clang " __clang_version__
#elif defined(__GNUC__)
#define PX_BUILD_COMPILER "GCC " __VERSION__
#else
#define PX_BUILD_COMPILER "C compiler"
#endif

#endif
