/* Traceback objects, in CPython's shape: as an exception leaves a frame,
 * the VM puts a new entry in front of its chain, so `exc.__traceback__`
 * is the outermost frame it passed (the one handling it) and `tb_next`
 * leads inward to where it was raised. An entry keeps the frame's code,
 * globals and line; `tb_frame` is a frame object made on first use, with
 * the attributes that outlive the frame (f_code, f_globals, f_lineno; the
 * locals are gone once it unwound). */
#include "../compiler/bytecode.h"
#include "rt_internal.h"

typedef struct {
    px_obj base;
    px_val next;     /* the entry one frame further in, or PX_NULL */
    px_code *code;
    px_map *globals; /* NULL when the frame had none to give */
    uint32_t line;
    uint32_t depth;  /* entries in the chain from here inward, this one included */
    px_val frame;    /* tb_frame once made, else PX_NULL */
} px_traceback;

typedef struct {
    px_obj base;
    px_traceback *tb;
} px_tb_frame;

bool px_is_traceback(px_val v) { return px_is_type(v, &px_type_traceback); }

px_val px_traceback_push(px_val next, px_code *code, px_map *globals, uint32_t line) {
    px_traceback *tb = px_gc_alloc(sizeof *tb, 0);
    tb->base.type = &px_type_traceback;
    tb->next = next;
    tb->code = code;
    tb->globals = globals;
    tb->line = line;
    tb->depth = next == PX_NULL ? 1 : ((px_traceback *)px_as_ptr(next))->depth + 1;
    tb->frame = PX_NULL;
    return px_from_ptr(tb);
}

size_t px_traceback_depth(px_val tb) {
    return tb == PX_NULL ? 0 : ((px_traceback *)px_as_ptr(tb))->depth;
}

void px_traceback_print_entry(px_out *out, const px_code *code, uint32_t line) {
    px_printf(out, "  File \"%s\", line %u, in %s\n", px_qstr_str(code->filename), (unsigned)line,
              px_qstr_str(code->name));
}

void px_traceback_print_entries(px_out *out, px_val chain) {
    for (px_val v = chain; v != PX_NULL;) {
        px_traceback *tb = px_as_ptr(v);
        px_traceback_print_entry(out, tb->code, tb->line);
        v = tb->next;
    }
}

/* ---- traceback */

static px_val tb_getattr(px_val self, px_qid name) {
    px_traceback *tb = px_as_ptr(self);
    switch (name) {
    case PX_Q(tb_next):
        return tb->next == PX_NULL ? PX_NONE : tb->next;
    case PX_Q(tb_lineno):
        return px_small(tb->line);
    case PX_Q(tb_lasti):
        return px_small(-1); /* no instruction offsets are kept */
    case PX_Q(tb_frame):
        if (tb->frame == PX_NULL) {
            px_tb_frame *f = px_gc_alloc(sizeof *f, 0);
            f->base.type = &px_type_frame;
            f->tb = tb;
            tb->frame = px_from_ptr(f);
        }
        return tb->frame;
    default:
        return PX_NULL;
    }
}

/* tb_next may be set, as in CPython, to None or a traceback that does not
 * lead back here. */
static bool tb_setattr(px_val self, px_qid name, px_val value) {
    px_traceback *tb = px_as_ptr(self);
    if (name != PX_Q(tb_next)) {
        return false;
    }
    if (value == PX_DELETE) {
        px_raise_type_error("can't delete tb_next attribute");
    }
    if (value != PX_NONE && !px_is_traceback(value)) {
        px_raise_type_error("expected traceback object or None, got '%s'", px_type_name(value));
    }
    for (px_val v = value; v != PX_NONE && v != PX_NULL; v = ((px_traceback *)px_as_ptr(v))->next) {
        if (v == self) {
            px_raise_value_error("traceback loop detected");
        }
    }
    tb->next = value == PX_NONE ? PX_NULL : value;
    /* the depths from here outward are no longer known: recount this one */
    tb->depth = 1 + px_traceback_depth(tb->next);
    return true;
}

static void tb_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_traceback *tb = px_as_ptr(self);
    px_printf(out, "<traceback object at %p>", (void *)tb);
}

const px_type px_type_traceback = {
    .base = {&px_type_type},
    .name = PX_Q(traceback),
    .base_type = &px_type_object,
    .print = tb_print,
    .getattr = tb_getattr,
    .setattr = tb_setattr,
};

/* ---- frame (what a traceback entry remembers of its frame) */

static px_val frame_getattr(px_val self, px_qid name) {
    px_traceback *tb = ((px_tb_frame *)px_as_ptr(self))->tb;
    switch (name) {
    case PX_Q(f_code):
        return px_from_ptr(tb->code);
    case PX_Q(f_lineno):
        return px_small(tb->line);
    case PX_Q(f_globals):
        return tb->globals == NULL ? px_dict_new(0) : px_dict_of_map(tb->globals);
    default:
        return PX_NULL;
    }
}

static void frame_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_traceback *tb = ((px_tb_frame *)px_as_ptr(self))->tb;
    px_printf(out, "<frame at %p, file '%s', line %u, code %s>", px_as_ptr(self), px_qstr_str(tb->code->filename),
              (unsigned)tb->line, px_qstr_str(tb->code->name));
}

const px_type px_type_frame = {
    .base = {&px_type_type},
    .name = PX_Q(frame),
    .base_type = &px_type_object,
    .print = frame_print,
    .getattr = frame_getattr,
};
