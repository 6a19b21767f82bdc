/* Raising and catching exceptions in C. px_raise() long-jumps to the
 * innermost handler pushed with px_try_push(); C code that calls anything
 * which may raise must expect not to return. Pattern:
 *
 *     px_jmp j;
 *     px_try_push(&j);
 *     if (setjmp(j.buf) == 0) {
 *         ... code that may raise ...
 *         px_try_pop(&j);
 *     } else {
 *         px_val exc = j.exc; // the handler is already popped
 *     }
 *
 * Locals changed inside the body and read in the handler must be volatile.
 */
#ifndef PX_ERROR_H
#define PX_ERROR_H

#include <setjmp.h>
#include "../object.h"
#include "state.h"

typedef struct px_jmp {
    struct px_jmp *prev;
    jmp_buf buf;
    px_val exc;
    void *vm_frame; /* the VM frame active when pushed (restored on raise) */
} px_jmp;

/* Inline: a generator resumed from C pushes and pops one per step. */
static inline void px_try_push(px_jmp *j) {
    j->prev = px_st.jmp_top;
    j->exc = PX_NULL;
    j->vm_frame = px_st.frame;
    px_st.jmp_top = j;
}

static inline void px_try_pop(px_jmp *j) { px_st.jmp_top = j->prev; }

/* exc: an exception instance or class (instantiated with no args). */
PX_NORETURN void px_raise(px_val exc);
#if PX_ERROR_TEXT
/* New exception of `type` with a printf-formatted message. */
PX_NORETURN void px_raise_msg(const px_type *type, const char *fmt, ...) PX_PRINTF(2, 3);
PX_NORETURN void px_raise_type_error(const char *fmt, ...) PX_PRINTF(1, 2);
PX_NORETURN void px_raise_value_error(const char *fmt, ...) PX_PRINTF(1, 2);
PX_NORETURN void px_raise_index_error(const char *fmt, ...) PX_PRINTF(1, 2);
PX_NORETURN void px_raise_zero_division(const char *msg);
PX_NORETURN void px_raise_overflow(const char *msg);
/* OSError(errnum, strerror-like message), with an optional printf-formatted
 * detail such as the path or device: "[Errno 2] No such file or directory: 'x'" */
PX_NORETURN void px_raise_os_error(int errnum, const char *fmt, ...) PX_PRINTF(2, 3);
#if PX_ERROR_TEXT == 2 && defined(__OPTIMIZE__)
/* Compressed error text (core/errtext.h): a raiser given a message of the
 * build's table gets its packed form; the comparisons that find it are of
 * two constants, which the optimiser folds, so neither they nor the
 * message's text are in the image. The functions are defined with their
 * names in parentheses (error.c), which these macros do not expand. */
#include "errtext_pack.h"
#define PX__ET(s) (__builtin_constant_p(s) ? px_errtext_pack(s) : (s))
#define px_raise_msg(type, fmt, ...) px_raise_msg(type, PX__ET(fmt), ##__VA_ARGS__)
#define px_raise_type_error(fmt, ...) px_raise_type_error(PX__ET(fmt), ##__VA_ARGS__)
#define px_raise_value_error(fmt, ...) px_raise_value_error(PX__ET(fmt), ##__VA_ARGS__)
#define px_raise_index_error(fmt, ...) px_raise_index_error(PX__ET(fmt), ##__VA_ARGS__)
#define px_raise_zero_division(msg) px_raise_zero_division(PX__ET(msg))
#define px_raise_overflow(msg) px_raise_overflow(PX__ET(msg))
#define px_raise_os_error(errnum, fmt, ...) px_raise_os_error(errnum, PX__ET(fmt), ##__VA_ARGS__)
#endif
#else
/* Terse error text (PX_ERROR_TEXT=0): the raisers above are macros that
 * drop the message at compile time, so neither its text nor its
 * formatting is in the image; the exception has no arguments (OSError
 * keeps its errno and the port's strerror text). The arguments stay
 * referenced, in code that is never run, so nothing computed for a
 * message is reported unused; they are not evaluated. */
PX_NORETURN void px_raise_terse(const px_type *type);
PX_NORETURN void px_raise_os_error_terse(int errnum);
static inline int px__terse_use(int unused, ...) {
    (void)unused;
    return 0;
}
#define PX__TERSE(...) ((void)(0 && px__terse_use(0, __VA_ARGS__)))
#define px_raise_msg(type, ...) (PX__TERSE(__VA_ARGS__), px_raise_terse(type))
#define px_raise_type_error(...) (PX__TERSE(__VA_ARGS__), px_raise_terse(&px_type_TypeError))
#define px_raise_value_error(...) (PX__TERSE(__VA_ARGS__), px_raise_terse(&px_type_ValueError))
#define px_raise_index_error(...) (PX__TERSE(__VA_ARGS__), px_raise_terse(&px_type_IndexError))
#define px_raise_zero_division(msg) (PX__TERSE(msg), px_raise_terse(&px_type_ZeroDivisionError))
#define px_raise_overflow(msg) (PX__TERSE(msg), px_raise_terse(&px_type_OverflowError))
#define px_raise_os_error(errnum, ...) (PX__TERSE(__VA_ARGS__), px_raise_os_error_terse(errnum))
#endif
#if PX_ERROR_TEXT == 2
/* For a formatter of its own (the compiler's, re's): fmt expanded into a
 * buffer of the caller's if packed, else as it is. */
#include "errtext.h"
#define PX_ERRTEXT_FMT(fmt)             \
    char fmt##_text_[PX_ERRTEXT_MAX];   \
    fmt = px_errtext_expand(fmt, fmt##_text_)
#else
#define PX_ERRTEXT_FMT(fmt) (void)0
#endif
PX_NORETURN void px_raise_key_error(px_val key);
PX_NORETURN void px_raise_attribute_error(px_val obj, px_qid name);
PX_NORETURN void px_raise_name_error(px_qid name);
PX_NORETURN void px_raise_memory_error(void);
PX_NORETURN void px_raise_stop_iteration(px_val value); /* value PX_NULL: none */
/* RecursionError("maximum recursion depth exceeded" + context), e.g. the
 * context " in comparison" or "" for none. */
PX_NORETURN void px_raise_recursion(const char *context);

/* The one C-stack guard. C code that can recurse without entering a Python
 * frame (calls, iteration, hashing, comparison, printing, attribute hooks,
 * iterators pulling from iterators) passes through a caller of this, so
 * malformed input deep enough to exhaust the C stack raises RecursionError
 * instead of crashing. px_st.stack_limit is NULL (no check) before px_init. */
static inline void px_check_stack(const char *context) {
    char probe; /* (__builtin_frame_address would force a frame pointer in the VM loop) */
    if (PX_UNLIKELY((uintptr_t)&probe < (uintptr_t)px_st.stack_limit)) {
        px_raise_recursion(context);
    }
}

/* "f() takes N positional arguments but M were given" and friends. */
PX_NORETURN void px_raise_arg_count(px_qid func, size_t min, size_t max, size_t given);

/* Exception types. */
extern const px_type px_type_BaseException, px_type_Exception, px_type_SystemExit,
    px_type_KeyboardInterrupt, px_type_GeneratorExit, px_type_StopIteration,
    px_type_StopAsyncIteration, px_type_ArithmeticError, px_type_OverflowError,
    px_type_ZeroDivisionError, px_type_AssertionError, px_type_AttributeError,
    px_type_EOFError, px_type_ImportError, px_type_ModuleNotFoundError, px_type_LookupError,
    px_type_IndexError, px_type_KeyError, px_type_MemoryError, px_type_NameError,
    px_type_UnboundLocalError, px_type_OSError, px_type_RuntimeError, px_type_RecursionError,
    px_type_NotImplementedError, px_type_SyntaxError, px_type_IndentationError,
    px_type_TypeError, px_type_ValueError, px_type_UnicodeError, px_type_UnicodeDecodeError,
    px_type_UnicodeEncodeError, px_type_BaseExceptionGroup, px_type_ExceptionGroup;

/* More exception types (CPython's builtins; OSError(errno, ...) picks its subclass). */
extern const px_type px_type_BlockingIOError,
    px_type_ChildProcessError,
    px_type_ConnectionError,
    px_type_BrokenPipeError,
    px_type_ConnectionAbortedError,
    px_type_ConnectionRefusedError,
    px_type_ConnectionResetError,
    px_type_FileExistsError,
    px_type_FileNotFoundError,
    px_type_InterruptedError,
    px_type_IsADirectoryError,
    px_type_NotADirectoryError,
    px_type_PermissionError,
    px_type_ProcessLookupError,
    px_type_TimeoutError,
    px_type_Warning,
    px_type_UserWarning,
    px_type_DeprecationWarning,
    px_type_PendingDeprecationWarning,
    px_type_SyntaxWarning,
    px_type_RuntimeWarning,
    px_type_FutureWarning,
    px_type_ImportWarning,
    px_type_UnicodeWarning,
    px_type_BytesWarning,
    px_type_ResourceWarning,
    px_type_EncodingWarning,
    px_type_BufferError,
    px_type_FloatingPointError,
    px_type_ReferenceError,
    px_type_SystemError,
    px_type_TabError,
    px_type_UnicodeTranslateError;
/* io.UnsupportedOperation (an OSError and a ValueError). */
extern const px_type px_type_UnsupportedOperation;

#endif
