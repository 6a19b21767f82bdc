/* The methods of array.array and its subscript slot (the type and its
 * other slots are in array.c). */
#include <string.h>

#include "array.h"

#define ITEM(a, i) ((a)->data + (size_t)(i) * (a)->itemsize)

static px_val array_append(px_val self, px_val v) {
    px_array_append(px_array_of(self), v);
    return PX_NONE;
}

static px_val array_extend(px_val self, px_val iterable) {
    px_array_extend(px_array_of(self), iterable);
    return PX_NONE;
}

static px_val array_frombytes(px_val self, px_val buffer) {
    px_array_frombytes(px_array_of(self), buffer);
    return PX_NONE;
}

/* All or nothing: every item is packed before the array grows. */
static px_val array_fromlist(px_val self, px_val list) {
    px_array *a = px_array_of(self);
    if (!px_is_list(list)) {
        px_raise_type_error("arg must be list");
    }
    size_t n;
    px_val *items = px_seq_items(list, &n);
    uint8_t *tmp = px_gc_alloc(n * a->itemsize + 1, PX_GC_LEAF);
    for (size_t i = 0; i < n; i++) {
        px_array_pack(a, tmp + i * a->itemsize, items[i]);
    }
    memcpy(px_array_reserve(a, n), tmp, n * a->itemsize);
    a->len += n;
    return PX_NONE;
}

static px_val array_tobytes(px_val self) {
    px_array *a = px_array_of(self);
    return px_bytes(a->data, a->len * a->itemsize);
}

static px_val array_tolist(px_val self) {
    px_array *a = px_array_of(self);
    px_val list = px_list_new(0, NULL);
    for (size_t i = 0; i < a->len; i++) {
        px_list_append(list, px_array_unpack(a, ITEM(a, i)));
    }
    return list;
}

static px_val array_count(px_val self, px_val v) {
    px_array *a = px_array_of(self);
    px_int n = 0;
    for (size_t i = 0; i < a->len; i++) {
        n += px_equal(px_array_unpack(a, ITEM(a, i)), v);
    }
    return px_small(n);
}

/* A start/stop argument clamped to [0, len] as list.index does. */
static size_t bound(px_val v, size_t len) {
    if (px_is_int(v)) { /* ints past either end (big ones too) clamp */
        if (!px_less(v, px_int_from_u64(len))) {
            return len;
        }
        if (px_less(v, px_int_from_i64(-(int64_t)len))) {
            return 0;
        }
    }
    px_int i = px_seq_index_arg(v);
    if (i < 0) {
        i += (px_int)len;
        if (i < 0) {
            i = 0;
        }
    }
    return (size_t)i > len ? len : (size_t)i;
}

static px_val array_index(size_t argc, const px_val *argv) {
    px_array *a = px_array_of(argv[0]);
    size_t start = argc > 2 ? bound(argv[2], a->len) : 0;
    size_t stop = argc > 3 ? bound(argv[3], a->len) : a->len;
    px_int i = px_array_find(a, argv[1], start, stop);
    if (i < 0) {
        px_raise_value_error("array.index(x): x not in array");
    }
    return px_small(i);
}

static px_val array_remove(px_val self, px_val v) {
    px_array *a = px_array_of(self);
    px_int i = px_array_find(a, v, 0, a->len);
    if (i < 0) {
        px_raise_value_error("array.remove(x): x not in array");
    }
    memmove(ITEM(a, i), ITEM(a, i + 1), (a->len - (size_t)i - 1) * a->itemsize);
    a->len--;
    return PX_NONE;
}

static px_val array_insert(px_val self, px_val index, px_val v) {
    px_array *a = px_array_of(self);
    px_int i = px_seq_index_arg(index);
    if (i < 0) {
        i += (px_int)a->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > a->len) {
        i = (px_int)a->len;
    }
    uint8_t tmp[sizeof(double) > sizeof(long long) ? sizeof(double) : sizeof(long long)];
    px_array_pack(a, tmp, v);
    px_array_reserve(a, 1);
    memmove(ITEM(a, i + 1), ITEM(a, i), (a->len - (size_t)i) * a->itemsize);
    memcpy(ITEM(a, i), tmp, a->itemsize);
    a->len++;
    return PX_NONE;
}

static px_val array_pop(size_t argc, const px_val *argv) {
    px_array *a = px_array_of(argv[0]);
    if (a->len == 0) {
        px_raise_index_error("pop from empty array");
    }
    px_int i = argc > 1 ? px_seq_index_arg(argv[1]) : -1;
    if (i < 0) {
        i += (px_int)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        px_raise_index_error("pop index out of range");
    }
    px_val v = px_array_unpack(a, ITEM(a, i));
    memmove(ITEM(a, i), ITEM(a, i + 1), (a->len - (size_t)i - 1) * a->itemsize);
    a->len--;
    return v;
}

static void swap_bytes(uint8_t *p, size_t n) {
    for (size_t i = 0; i < n / 2; i++) {
        uint8_t t = p[i];
        p[i] = p[n - 1 - i];
        p[n - 1 - i] = t;
    }
}

static px_val array_reverse(px_val self) {
    px_array *a = px_array_of(self);
    uint8_t tmp[sizeof(double) > sizeof(long long) ? sizeof(double) : sizeof(long long)];
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(tmp, ITEM(a, i), a->itemsize);
        memcpy(ITEM(a, i), ITEM(a, j - 1), a->itemsize);
        memcpy(ITEM(a, j - 1), tmp, a->itemsize);
    }
    return PX_NONE;
}

static px_val array_byteswap(px_val self) {
    px_array *a = px_array_of(self);
    for (size_t i = 0; i < a->len; i++) {
        swap_bytes(ITEM(a, i), a->itemsize);
    }
    return PX_NONE;
}

static px_val array_buffer_info(px_val self) {
    px_array *a = px_array_of(self);
    px_val t[2] = {px_int_from_u64((uintptr_t)a->data), px_small((px_int)a->len)};
    return px_tuple_new(2, t);
}

/* ---- subscripts */

static px_val get_slice(px_array *a, px_val index) {
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, a->len, &start, &stop, &step, &count);
    px_array *r = px_array_new(a->typecode, count);
    size_t size = a->itemsize;
    for (size_t i = 0; i < count; i++) {
        memcpy(r->data + i * size, a->data + (size_t)(start + (px_int)i * step) * size, size);
    }
    return px_from_ptr(r);
}

/* Remove items [lo, hi) by moving the tail down. */
static void cut(px_array *a, size_t lo, size_t hi) {
    size_t size = a->itemsize;
    memmove(a->data + lo * size, a->data + hi * size, (a->len - hi) * size);
    a->len -= hi - lo;
}

static void del_slice(px_array *a, px_val index) {
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, a->len, &start, &stop, &step, &count);
    if (count == 0) {
        return;
    }
    if (step < 0) { /* the same items, visited upwards */
        start += (px_int)(count - 1) * step;
        step = -step;
    }
    if (step == 1) {
        cut(a, (size_t)start, (size_t)start + count);
        return;
    }
    size_t size = a->itemsize, out = (size_t)start;
    for (size_t i = (size_t)start; i < a->len; i++) {
        bool gone = i <= (size_t)start + (count - 1) * (size_t)step && (i - (size_t)start) % (size_t)step == 0;
        if (!gone) {
            memmove(a->data + out * size, a->data + i * size, size);
            out++;
        }
    }
    a->len = out;
}

static void set_slice(px_array *a, px_val index, px_val value) {
    if (!px_is_type(value, &px_type_array)) {
        px_raise_type_error("can only assign array (not \"%s\") to array slice", px_type_name(value));
    }
    px_array *b = px_as_ptr(value);
    if (b->typecode != a->typecode) {
        px_raise_type_error("bad argument type for built-in operation");
    }
    size_t size = a->itemsize, n = b->len;
    uint8_t *src = px_gc_alloc(n * size + 1, PX_GC_LEAF); /* b may be a */
    memcpy(src, b->data, n * size);
    px_int start, stop, step;
    size_t count;
    px_slice_indices(index, a->len, &start, &stop, &step, &count);
    if (step == 1) {
        size_t lo = (size_t)start, hi = lo + count;
        if (n > count) {
            px_array_reserve(a, n - count);
        }
        memmove(a->data + (lo + n) * size, a->data + hi * size, (a->len - hi) * size);
        memcpy(a->data + lo * size, src, n * size);
        a->len = a->len - count + n;
        return;
    }
    if (n != count) {
        px_raise_value_error("attempt to assign array of size %u to extended slice of size %u", (unsigned)n,
                             (unsigned)count);
    }
    for (size_t i = 0; i < count; i++) {
        memcpy(a->data + (size_t)(start + (px_int)i * step) * size, src + i * size, size);
    }
}

px_val px_array_subscr(px_val self, px_val index, px_val value) {
    px_array *a = px_as_ptr(self);
    if (px_is_slice(index)) {
        if (value == PX_NULL) {
            return get_slice(a, index);
        }
        if (value == PX_DELETE) {
            del_slice(a, index);
        } else {
            set_slice(a, index, value);
        }
        return PX_NONE;
    }
    if (!px_is_int(index) && px_special_method(index, PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("array indices must be integers");
    }
    if (value == PX_NULL) {
        size_t i = px_seq_index(index, a->len, "array");
        return px_array_unpack(a, a->data + i * a->itemsize);
    }
    size_t i = px_seq_index(index, a->len, "array assignment");
    if (value == PX_DELETE) {
        cut(a, i, i + 1);
    } else {
        px_array_pack(a, a->data + i * a->itemsize, value);
    }
    return PX_NONE;
}

static PX_METH2(m_append, &px_type_array, append, array_append);
static PX_METH1(m_buffer_info, &px_type_array, buffer_info, array_buffer_info);
static PX_METH1(m_byteswap, &px_type_array, byteswap, array_byteswap);
static PX_METH2(m_count, &px_type_array, count, array_count);
static PX_METH2(m_extend, &px_type_array, extend, array_extend);
static PX_METH2(m_frombytes, &px_type_array, frombytes, array_frombytes);
static PX_METH2(m_fromlist, &px_type_array, fromlist, array_fromlist);
static PX_METHV(m_index, &px_type_array, index, 2, 4, array_index);
static PX_METH3(m_insert, &px_type_array, insert, array_insert);
static PX_METHV(m_pop, &px_type_array, pop, 1, 2, array_pop);
static PX_METH2(m_remove, &px_type_array, remove, array_remove);
static PX_METH1(m_reverse, &px_type_array, reverse, array_reverse);
static PX_METH1(m_tobytes, &px_type_array, tobytes, array_tobytes);
static PX_METH1(m_tolist, &px_type_array, tolist, array_tolist);

static const px_map_entry array_methods[] = {
    PX_ENTRY_OBJ(append, &m_append),
    PX_ENTRY_OBJ(buffer_info, &m_buffer_info),
    PX_ENTRY_OBJ(byteswap, &m_byteswap),
    PX_ENTRY_OBJ(count, &m_count),
    PX_ENTRY_OBJ(extend, &m_extend),
    PX_ENTRY_OBJ(frombytes, &m_frombytes),
    PX_ENTRY_OBJ(fromlist, &m_fromlist),
    PX_ENTRY_OBJ(index, &m_index),
    PX_ENTRY_OBJ(insert, &m_insert),
    PX_ENTRY_OBJ(pop, &m_pop),
    PX_ENTRY_OBJ(remove, &m_remove),
    PX_ENTRY_OBJ(reverse, &m_reverse),
    PX_ENTRY_OBJ(tobytes, &m_tobytes),
    PX_ENTRY_OBJ(tolist, &m_tolist),
};
PX_CONST_MAP(px_array_dict, array_methods);
