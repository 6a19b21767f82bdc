/* Everything a C file of the runtime needs, in one include. */
#ifndef PX_RUNTIME_H
#define PX_RUNTIME_H

#include "config.h"
#include "value.h"
#include "object.h"
#include "port.h"
#include "core/gc.h"
#include "core/qstr.h"
#include "core/error.h"
#include "core/state.h"
#include "core/sched.h"
#include "core/stream.h"
#include "core/print.h"
#include "objects/numbers.h"
#include "objects/text.h"
#include "objects/containers.h"
#include "runtime/ops.h"
#include "runtime/import.h"
#include "vm/vm.h"
#include "compiler/compile.h"

#endif
