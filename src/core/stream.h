/* The stream protocol: how C code reads, writes and waits on objects that
 * are streams (files, pins with edge events, sockets). A type that is a
 * stream points its `proto` slot at a px_stream_proto; unset functions are
 * NULL. select.poll, print(file=), and the io functions use it. */
#ifndef PX_STREAM_H
#define PX_STREAM_H

#include <stddef.h>
#include "../object.h"

/* Poll event bits: the values of Linux's and MicroPython's select module. */
#define PX_POLL_IN 0x001
#define PX_POLL_OUT 0x004
#define PX_POLL_ERR 0x008
#define PX_POLL_HUP 0x010
#define PX_POLL_NVAL 0x020 /* the object is closed */

typedef struct px_stream_proto {
    /* Read/write up to n bytes: the count (0 = end of stream for read), or
     * -1 with *err set to an errno value (EAGAIN: would block). */
    long (*read)(px_val self, void *buf, size_t n, int *err);
    long (*write)(px_val self, const void *buf, size_t n, int *err);
    /* The OS descriptor a wait can block on, or -1 (closed / none). */
    int (*fileno)(px_val self);
    /* Events ready now without waiting, for objects that buffer data
     * internally (a Pin's queued edges); NULL means "ask the descriptor". */
    unsigned (*ready)(px_val self, unsigned events);
} px_stream_proto;

/* The stream protocol of v's type (or of its native base), or NULL. */
const px_stream_proto *px_stream_of(px_val v);

#endif
