/* The string package, as far as the core provides it: string.templatelib
 * (t-strings, PEP 750) with the Template and Interpolation types of
 * objects/ (text area). */
#include "runtime.h"

static const px_map_entry templatelib_table[] = {
    PX_ENTRY_OBJ(Interpolation, &px_type_interpolation),
    PX_ENTRY_OBJ(Template, &px_type_template),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(string_templatelib))),
};
static PX_CONST_MAP(templatelib_globals, templatelib_table);
PX_MODULE_DEF(string_templatelib, templatelib_globals, 0, NULL);

/* `string` lists its submodule so that string.templatelib works as an
 * attribute too (a const module cannot have it added at import). */
static const px_map_entry string_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(string))),
    PX_ENTRY_OBJ(templatelib, &px_module_string_templatelib),
};
static PX_CONST_MAP(string_globals, string_table);
PX_MODULE_DEF(string, string_globals, PX_MODULE_EXTENSIBLE, NULL);
