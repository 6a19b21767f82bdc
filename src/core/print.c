/* Output sinks for the console, printf-style output, and printing any
 * value through its type's print slot, with cycle protection for
 * containers. */
#include <stdarg.h>
#include <stdio.h>
#include "../runtime.h"

static void out_stdout(void *ctx, const char *s, size_t n) {
    px_port_stdout(s, n);
}

static void out_stderr(void *ctx, const char *s, size_t n) {
    px_port_stderr(s, n);
}

/* The sinks pass bytes straight to the port; buffering (and when to flush)
 * is the port's choice: posix/port.c buffers stdout. */
px_out px_out_stdout = {out_stdout, NULL};
px_out px_out_stderr = {out_stderr, NULL};

void px_write(px_out *out, const char *s, size_t n) {
    if (n) {
        out->write(out->ctx, s, n);
    }
}

void px_write_cstr(px_out *out, const char *s) {
    px_write(out, s, strlen(s));
}

void px_printf(px_out *out, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n < sizeof small) {
        px_write(out, small, (size_t)n);
        return;
    }
    /* Too long for the stack buffer: format again into a heap block. */
    char *big = px_gc_alloc((size_t)n + 1, PX_GC_LEAF);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    px_write(out, big, (size_t)n);
    px_gc_free(big);
}

/* ---- cycle protection: the objects whose print is in progress, as a
 * stack (entry order) and as an open-addressing set of the same values
 * (linear probing, PX_NULL empty, at most half full), so entering is O(1)
 * however deep the nesting: a linear search made printing a structure n
 * levels deep cost n**2. The objects themselves stay alive through their
 * callers; only the two array blocks need a root. */
static struct {
    px_val *items;
    size_t n, cap;
    px_val *slots; /* cap * 2 of them */
    size_t mask;
} active;
static bool active_rooted;
static unsigned print_depth; /* nesting of px_print calls */

static size_t slot_of(px_val v) {
    return (size_t)(((uint64_t)v * 0x9E3779B97F4A7C15u) >> 32) & active.mask;
}

static size_t slot_find(px_val v) {
    size_t i = slot_of(v);
    while (active.slots[i] != PX_NULL && active.slots[i] != v) {
        i = (i + 1) & active.mask;
    }
    return i;
}

/* Empty slot i, moving later entries of its probe run back into the gap
 * (no tombstones: the set never fills with deleted entries). */
static void slot_remove(size_t i) {
    for (size_t j = (i + 1) & active.mask; active.slots[j] != PX_NULL; j = (j + 1) & active.mask) {
        size_t home = slot_of(active.slots[j]);
        /* the entry at j may fill the gap at i when its home is not in (i, j] (cyclically) */
        bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            active.slots[i] = active.slots[j];
            i = j;
        }
    }
    active.slots[i] = PX_NULL;
}

static void active_grow(void) {
    if (!active_rooted) {
        px_gc_add_root(&active, sizeof active);
        active_rooted = true;
    }
    size_t cap = active.cap ? active.cap * 2 : 16;
    active.items = px_gc_realloc(active.items, cap * sizeof(px_val), PX_GC_LEAF);
    active.cap = cap;
    px_val *old = active.slots;
    active.slots = px_gc_alloc(2 * cap * sizeof(px_val), PX_GC_LEAF); /* zeroed: all PX_NULL */
    active.mask = 2 * cap - 1;
    for (size_t k = 0; k < active.n; k++) {
        active.slots[slot_find(active.items[k])] = active.items[k];
    }
    if (old != NULL) {
        px_gc_free(old);
    }
}

bool px_print_enter(px_val v) {
    if (active.n == active.cap) {
        active_grow();
    }
    size_t i = slot_find(v);
    if (active.slots[i] == v) {
        return false;
    }
    active.slots[i] = v;
    active.items[active.n++] = v;
    return true;
}

void px_print_leave(px_val v) {
    if (active.n == 0) {
        return;
    }
    size_t i = slot_find(v);
    if (active.slots[i] != v) {
        return;
    }
    slot_remove(i);
    /* Normally the last entry; search backwards to tolerate misuse. */
    for (size_t k = active.n; k-- > 0;) {
        if (active.items[k] == v) {
            memmove(&active.items[k], &active.items[k + 1], (active.n - k - 1) * sizeof(px_val));
            active.n--;
            return;
        }
    }
}

void px_print_reset(void) {
    while (active.n > 0) {
        active.n--;
        slot_remove(slot_find(active.items[active.n]));
    }
    print_depth = 0;
}

static void print_fallback(px_out *out, px_val v) {
    px_printf(out, "<%s object at 0x%lx>", px_type_name(v), (unsigned long)(uintptr_t)px_as_ptr(v));
}

static void print_dispatch(px_out *out, px_val v, px_print_kind kind) {
    px_check_stack(kind == PX_PRINT_STR ? " while getting the str of an object"
                                        : " while getting the repr of an object");
    const px_type *t = px_type_of(v);
    if (t->print) {
        t->print(out, v, kind);
    } else {
        print_fallback(out, v);
    }
}

void px_print(px_out *out, px_val v, px_print_kind kind) {
    if (print_depth > 0) {
        print_depth++;
        print_dispatch(out, v, kind);
        print_depth--;
        return;
    }
    /* Outermost print: if an exception escapes (a __repr__ raising), forget
     * the objects that were in progress so later prints are not "[...]". */
    /* Console output is rendered first and written whole, so a failing
     * __repr__ deep inside a container leaves no partial text (as CPython,
     * which builds the str before writing it). */
    if (kind == PX_PRINT_STR && px_is_str(v)) {
        size_t len;
        const char *s = px_str_data(v, &len);
        px_write(out, s, len);
        return;
    }
    /* Immediates cannot fail half-way, and go straight out without memory
     * (printing with micropython.heap_lock() held). */
    if (px_is_small(v) || px_is_float_imm(v) || px_is_const(v)) {
        print_dispatch(out, v, kind);
        return;
    }
    bool console = out->write == out_stdout || out->write == out_stderr;
    px_strbuf buf = {0};
    px_out tmp;
    if (console) {
        px_strbuf_init(&buf, 64);
        tmp = px_strbuf_out(&buf);
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        print_depth = 1;
        print_dispatch(console ? &tmp : out, v, kind);
        px_try_pop(&j);
        px_print_reset(); /* drops entries left by an exception caught inside a __repr__ */
        if (console) {
            px_write(out, buf.data, buf.len);
            px_gc_free(buf.data);
        }
    } else {
        px_print_reset();
        px_raise(j.exc);
    }
}
