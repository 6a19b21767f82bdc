/* Finding an object's stream protocol. */
#include "../runtime.h"
#include "stream.h"

const px_stream_proto *px_stream_of(px_val v) {
    const px_type *t = px_type_of(v);
    if (t->proto != NULL) {
        return t->proto;
    }
    if (t->flags & PX_TF_HEAPTYPE) { /* a user subclass of a stream type */
        px_val native = ((px_instance *)px_as_ptr(v))->native;
        if (native != PX_NULL) {
            return px_type_of(native)->proto;
        }
    }
    return NULL;
}
