/* Shared by the files of the collections module: collections.c (the
 * module), collections_deque.c, collections_namedtuple.c and
 * collections_dicts.c (OrderedDict and defaultdict). Internal to
 * modules/. */
#ifndef PX_MODULES_COLLMOD_H
#define PX_MODULES_COLLMOD_H

#include "runtime.h"

extern const px_type px_type_deque;
extern const px_builtin px_coll_namedtuple_obj;

/* The OrderedDict and defaultdict classes, made at the module's first
 * import (see collections_dicts.c for why they are classes). */
px_val px_coll_make_ordereddict(void);
px_val px_coll_make_defaultdict(void);

/* type(name, bases, namespace) with __module__ = module. */
px_val px_coll_new_class(const char *name, px_val bases, px_val ns, px_val module);

#endif
