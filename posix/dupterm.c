/* os.dupterm(stream, index=0): the terminal duplicated on streams. What
 * goes to stdout is written to each stream too (its write method), and
 * input a stream has is read (one read of a native stream, else its
 * readinto, which should not block) as if typed on stdin: the
 * REPL or input() can be driven from a socket, a pipe or a serial line.
 *
 * Input streams are waited on with stdin (console.c) when they have a
 * descriptor (files, sockets, anything with fileno()); a stream without
 * one is asked every DUPTERM_POLL_MS. A stream whose write or readinto
 * raises is detached (the exception is printed), so a broken connection
 * cannot take the terminal down with it. */
#include <errno.h>
#include <poll.h>
#include <string.h>

#include "runtime.h"
#include "posix.h"

#define SLOTS 2

static px_val slots[SLOTS] = {PX_NONE, PX_NONE};
static bool rooted, busy; /* busy: inside a stream's method (no recursion) */
/* The stream refused bytes with a TypeError (a text file, StringIO): it
 * is given str from then on. */
static bool text[SLOTS];
/* The stream cannot be written (io.UnsupportedOperation: a file opened
 * for reading): it only gives input. */
static bool input_only[SLOTS];

static void detach(int i, px_val exc, const char *what) {
    slots[i] = PX_NONE;
    px_printf(&px_out_stderr, "dupterm: exception in %s(), detaching the stream\n", what);
    px_exc_print(&px_out_stderr, exc);
}

bool px_posix_dupterm_active(void) {
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i] != PX_NONE) {
            return true;
        }
    }
    return false;
}

void px_posix_dupterm_out(const char *s, size_t n) {
    if (busy || px_st.jmp_top == NULL || !px_posix_dupterm_active()) {
        return;
    }
    busy = true;
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i] == PX_NONE || input_only[i]) {
            continue;
        }
        for (int tries = 0; tries < 2; tries++) {
            px_jmp j;
            px_try_push(&j);
            if (setjmp(j.buf) == 0) {
                px_val data = text[i] && px_utf8_valid(s, n) ? px_str(s, n) : px_bytes(s, n);
                px_call_method(slots[i], PX_Q(write), 1, &data);
                px_try_pop(&j);
                break;
            }
            if (!text[i] && px_isinstance(j.exc, &px_type_TypeError)) {
                text[i] = true; /* and try again with str */
                continue;
            }
            if (px_isinstance(j.exc, &px_type_UnsupportedOperation)) {
                input_only[i] = true;
                break;
            }
            busy = false;
            detach(i, j.exc, "write");
            busy = true;
            break;
        }
    }
    busy = false;
}

/* The descriptor of a slot's stream, or -1. */
static int slot_fd(px_val s) {
    const px_stream_proto *sp = px_stream_of(s);
    if (sp != NULL && sp->fileno != NULL) {
        return sp->fileno(s);
    }
    px_val m = px_getattr_opt(s, PX_Q(fileno));
    if (m == PX_NULL) {
        return -1;
    }
    px_val r = px_call0(m);
    return px_is_small(r) ? (int)px_int_to_i64(r) : -1;
}

int px_posix_dupterm_fds(struct pollfd *fds, int max, bool *fdless) {
    int k = 0;
    *fdless = false;
    for (int i = 0; i < SLOTS && k < max; i++) {
        if (slots[i] == PX_NONE || px_getattr_opt(slots[i], PX_Q(readinto)) == PX_NULL) {
            continue;
        }
        int fd = slot_fd(slots[i]);
        if (fd < 0) {
            *fdless = true;
            continue;
        }
        fds[k++] = (struct pollfd){.fd = fd, .events = POLLIN};
    }
    return k;
}

size_t px_posix_dupterm_read(unsigned char *buf, size_t n) {
    if (busy || px_st.jmp_top == NULL) {
        return 0;
    }
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i] == PX_NONE || px_getattr_opt(slots[i], PX_Q(readinto)) == PX_NULL) {
            continue;
        }
        volatile size_t got = 0;
        busy = true;
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            int fd = slot_fd(slots[i]);
            struct pollfd p = {.fd = fd, .events = POLLIN};
            /* a stream with a descriptor is read only when it has input, so
             * a blocking one never stalls the terminal */
            const px_stream_proto *sp = px_stream_of(slots[i]);
            if (fd >= 0 && sp != NULL && sp->read != NULL) {
                /* a native stream: one read of what is there */
                if (poll(&p, 1, 0) > 0 && p.revents != 0) {
                    int err = 0;
                    long k = sp->read(slots[i], buf, n, &err);
                    if (k == 0 || (k < 0 && err != EAGAIN && err != EINTR)) {
                        slots[i] = PX_NONE; /* end of file or a failed stream: the other side has gone */
                    }
                    got = k > 0 ? (size_t)k : 0;
                }
            } else if (fd < 0 || (poll(&p, 1, 0) > 0 && p.revents != 0)) {
                px_val b = px_bytearray(buf, n); /* contents overwritten */
                px_val args[2] = {b, px_small((px_int)n)};
                px_val r = px_call_method(slots[i], PX_Q(readinto), 2, args);
                if (r != PX_NONE) {
                    px_int k = px_index(r);
                    px_buffer pb;
                    px_get_buffer(b, &pb, PX_BUF_READ);
                    got = k > 0 && (size_t)k <= n ? (size_t)k : 0;
                    memcpy(buf, pb.data, got);
                    if (k == 0 && fd >= 0) {
                        slots[i] = PX_NONE; /* end of file: the other side has gone */
                    }
                }
            }
            px_try_pop(&j);
        } else {
            busy = false;
            detach(i, j.exc, "readinto");
        }
        busy = false;
        if (got > 0) {
            return got;
        }
    }
    return 0;
}

/* dupterm(stream_object, index=0, /): the previous stream of the slot. */
static px_val os_dupterm(size_t argc, const px_val *argv) {
    px_int i = argc > 1 ? px_index(argv[1]) : 0;
    if (i < 0 || i >= SLOTS) {
        px_raise_value_error("invalid dupterm index");
    }
    px_val s = argv[0];
    if (s != PX_NONE && px_getattr_opt(s, PX_Q(write)) == PX_NULL && px_getattr_opt(s, PX_Q(readinto)) == PX_NULL) {
        px_raise_type_error("dupterm needs a stream with write() or readinto(), not %s", px_type_name(s));
    }
    if (!rooted) {
        px_gc_add_root(slots, sizeof slots);
        rooted = true;
    }
    px_port_stdout_flush(); /* what was printed before goes only where it went */
    px_val prev = slots[i];
    slots[i] = s;
    text[i] = input_only[i] = false;
    return prev;
}

PX_FUNV(px_posix_dupterm_obj, dupterm, 1, 2, os_dupterm);
