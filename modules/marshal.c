/* The marshal module: code objects to bytes and back (MicroPython's
 * subset: dumps of a code object, loads of what dumps made).
 *
 * The bytes are a .mpy file, as the MicroPython docs have marshal
 * "versioned as the mpy file version": the same format and the same code
 * (compiler/mpy.c, docs/mpy.md), so marshal.dumps(compile(...)) written to
 * foo.mpy imports as foo, and loads checks everything it reads before the
 * code can run. */
#include "compiler/mpy.h"
#include "runtime.h"

static px_val marshal_dumps(px_val value) {
    if (!px_is_type(value, &px_type_code)) {
        px_raise_value_error("unmarshallable object"); /* as MicroPython: code objects only */
    }
    return px_mpy_dump(px_as_ptr(value));
}

static px_val marshal_loads(px_val data) {
    if (px_is_str(data) || px_type_of(data)->buffer == NULL) {
        px_raise_type_error("a bytes-like object is required, not '%s'", px_type_name(data));
    }
    px_buffer buf;
    px_get_buffer(data, &buf, PX_BUF_READ);
    return px_from_ptr(px_mpy_load(buf.data, buf.len, "marshal.loads"));
}

static PX_FUN1(marshal_dumps_obj, dumps, marshal_dumps);
static PX_FUN1(marshal_loads_obj, loads, marshal_loads);

static const px_map_entry marshal_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(marshal))),
    PX_ENTRY_OBJ(dumps, &marshal_dumps_obj),
    PX_ENTRY_OBJ(loads, &marshal_loads_obj),
};
static PX_CONST_MAP(marshal_globals, marshal_table);
PX_MODULE_DEF(marshal, marshal_globals, 0, NULL);
