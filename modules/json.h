/* The json module's two halves: the encoder (json_dump.c) and the
 * decoder (json.c, which also holds the module table). */
#ifndef PX_MOD_JSON_H
#define PX_MOD_JSON_H

#include "runtime.h"

/* json.dump and json.dumps. */
extern const px_builtin px_json_dump_obj, px_json_dumps_obj;

#endif
