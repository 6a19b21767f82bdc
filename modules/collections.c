/* The collections module: deque (collections_deque.c), namedtuple
 * (collections_namedtuple.c), OrderedDict and defaultdict
 * (collections_dicts.c). The module object is made at first import,
 * when the two dict classes are made. */
#include "collmod.h"

px_val px_coll_new_class(const char *name, px_val bases, px_val ns, px_val module) {
    if (module != PX_NULL) {
        px_dict_set(ns, px_qstr(PX_Q(__module__)), module);
    }
    px_val args[3] = {px_str_cstr(name), bases, ns};
    return px_call(px_from_ptr(&px_type_type), 3, args, PX_NULL);
}

static const px_map_entry collections_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(collections))),
    PX_ENTRY_OBJ(deque, &px_type_deque),
    PX_ENTRY_OBJ(namedtuple, &px_coll_namedtuple_obj),
};
static PX_CONST_MAP(collections_globals, collections_table);

static px_val collections_module;

static px_val collections_make(const px_module *module) {
    if (collections_module != PX_NULL) {
        return collections_module;
    }
    px_val m = px_module_new(PX_Q(collections));
    px_map *g = px_module_globals(m);
    px_map_copy(g, module->globals);
    px_map_set_q(g, PX_Q(OrderedDict), px_coll_make_ordereddict());
    px_map_set_q(g, PX_Q(defaultdict), px_coll_make_defaultdict());
    px_gc_add_root(&collections_module, sizeof collections_module);
    collections_module = m;
    return m;
}

PX_MODULE_DEF(collections, collections_globals, PX_MODULE_EXTENSIBLE, collections_make);
