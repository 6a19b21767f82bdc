/* Threads of the POSIX port: POSIX threads sharing the interpreter under
 * one global lock (thread.c; the _thread module is modthread.c). Until a
 * second thread starts, every function here returns at once. */
#ifndef PX_POSIX_THREAD_H
#define PX_POSIX_THREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime.h"

/* Around a blocking wait: let other threads run the interpreter. Between
 * release and acquire the caller must not touch Python objects. */
void px_thread_release(void);
void px_thread_acquire(void);
/* From px_port_poll: hand the interpreter over if another thread has been
 * waiting for its turn (a time slice has passed). */
void px_thread_poll(void);
/* Make the next px_thread_poll hand over (the main thread has a signal). */
void px_thread_handover(void);
/* True on the thread that runs the program (signals are its alone). */
bool px_thread_is_main(void);
/* Start fn(*args, **kwargs) on a new thread with a C stack of
 * stack_size bytes (0: the default); returns its ident. */
unsigned long px_thread_start(px_val fn, px_val args, px_val kwargs, size_t stack_size);
unsigned long px_thread_ident(void);

#endif
