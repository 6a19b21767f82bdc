/* The random module: seed, getrandbits, random, uniform, randrange,
 * randint, choice and shuffle.
 *
 * The generator is CPython's (MT19937, random_mt.c) and these functions
 * draw from it exactly as CPython's do (random() from two 32-bit words,
 * ranges by rejection sampling on getrandbits of the bound's bit length),
 * so a program seeded with an int sees CPython's numbers. Without a seed
 * the generator starts from the port's entropy. Seeds may be None, an
 * int, or a float (through its hash, as CPython); str and bytes seeds,
 * which CPython hashes with SHA-512, are refused with a clear error. */
#include "randmod.h"
#include "objects/bigint.h"

/* ---- integers */

static size_t bit_length(px_val n) {
    px_digit buf[2];
    px_bn b;
    px_bn_get(n, &b, buf);
    return px_nat_bitlen(b.d, b.n);
}

/* k random bits as an int: 32-bit words, the first the least significant,
 * the last cut to the bits that remain (from its top). */
static px_val random_bits(size_t k) {
    if (k <= 32) {
        return k == 0 ? px_small(0) : px_int_from_u64(px_random_u32() >> (32 - k));
    }
    size_t words = (k - 1) / 32 + 1;
    px_bn b = {px_nat_alloc(words), words, false};
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = px_random_u32();
        b.d[i] = k < 32 ? r >> (32 - k) : r;
    }
    return px_bn_to_val(&b);
}

/* A random int in [0, n), n > 0: draws of bit_length(n) bits until one is
 * below n. */
static px_val random_below(px_val n) {
    size_t k = bit_length(n);
    if (px_is_small(n) && k <= 32) {
        uint32_t bound = (uint32_t)px_small_get(n), r;
        do {
            r = px_random_u32() >> (32 - k);
        } while (r >= bound);
        return px_small(r);
    }
    px_val r;
    do {
        r = random_bits(k);
    } while (!px_less(r, n));
    return r;
}

static int sign_of(px_val v) {
    px_digit buf[2];
    px_bn b;
    px_bn_get(v, &b, buf);
    return b.n == 0 ? 0 : b.neg ? -1 : 1;
}

/* An int argument (an int, a bool, or an object with __index__). */
static px_val int_arg(px_val v) {
    px_val u = px_int_unwrap(v);
    return u != PX_NULL ? u : px_unary(PX_UNOP_INDEX, v);
}

static px_val random_getrandbits(px_val kv) {
    px_int k = px_index(kv);
    if (k < 0) {
        px_raise_value_error("number of bits must be non-negative");
    }
    return random_bits((size_t)k);
}
static PX_FUN1(random_getrandbits_obj, getrandbits, random_getrandbits);

static px_val randrange(px_val start, px_val stop, px_val step) {
    px_val istart = int_arg(start);
    if (stop == PX_NONE) {
        if (step != PX_NULL && step != px_small(1)) {
            px_raise_type_error("Missing a non-None stop argument");
        }
        if (sign_of(istart) > 0) {
            return random_below(istart);
        }
        px_raise_value_error("empty range for randrange()");
    }
    px_val istop = int_arg(stop);
    px_val width = px_binary(PX_BINOP_SUB, istop, istart);
    px_val istep = step == PX_NULL ? px_small(1) : int_arg(step);
    if (istep == px_small(1)) {
        if (sign_of(width) > 0) {
            return px_binary(PX_BINOP_ADD, istart, random_below(width));
        }
        px_strbuf b;
        px_strbuf_init(&b, 48);
        px_out out = px_strbuf_out(&b);
        px_write_cstr(&out, "empty range for randrange() (");
        px_val parts[3] = {istart, istop, width};
        for (int i = 0; i < 3; i++) {
            px_print(&out, parts[i], PX_PRINT_STR);
            px_write_cstr(&out, i < 2 ? ", " : ")");
        }
        px_raise(px_exc_new_msg(&px_type_ValueError, px_strbuf_to_str(&b)));
    }
    int ss = sign_of(istep);
    if (ss == 0) {
        px_raise_value_error("zero step for randrange()");
    }
    /* the number of values: ceil(width / step) for either sign */
    px_val adjust = px_binary(PX_BINOP_ADD, istep, px_small(ss > 0 ? -1 : 1));
    px_val n = px_binary(PX_BINOP_FLOORDIV, px_binary(PX_BINOP_ADD, width, adjust), istep);
    if (sign_of(n) <= 0) {
        px_raise_value_error("empty range for randrange()");
    }
    return px_binary(PX_BINOP_ADD, istart, px_binary(PX_BINOP_MUL, istep, random_below(n)));
}

static const px_argspec randrange_spec[] = {
    {PX_Q(start), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(stop), 0, PX_NONE},
    {PX_Q(step), 0, PX_NULL},
};

static px_val random_randrange(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(randrange), argc, argv, kwnames, 3, randrange_spec, a);
    return randrange(a[0], a[1], a[2]);
}
static PX_FUNKW(random_randrange_obj, randrange, 0, 3, random_randrange);

static px_val random_randint(px_val a, px_val b) {
    return randrange(a, px_binary(PX_BINOP_ADD, int_arg(b), px_small(1)), PX_NULL);
}
static PX_FUN2(random_randint_obj, randint, random_randint);

/* ---- sequences */

static px_val random_choice(px_val seq) {
    size_t n = px_len(seq);
    if (n == 0) {
        px_raise_index_error("Cannot choose from an empty sequence");
    }
    return px_subscr_load(seq, random_below(px_int_from_u64(n)));
}
static PX_FUN1(random_choice_obj, choice, random_choice);

/* Fisher-Yates from the end, as CPython does. */
static px_val random_shuffle(px_val x) {
    size_t n = px_len(x);
    for (size_t i = n; i-- > 1;) {
        px_val j = random_below(px_int_from_u64(i + 1));
        px_val vi = px_int_from_u64(i);
        px_val a = px_subscr_load(x, vi), b = px_subscr_load(x, j);
        px_subscr_store(x, vi, b);
        px_subscr_store(x, j, a);
    }
    return PX_NONE;
}
static PX_FUN1(random_shuffle_obj, shuffle, random_shuffle);

/* ---- floats (not in a build without them, as MicroPython's docs say) */

#if PX_HAS_FLOAT
static px_val random_random(void) {
    return px_float(px_random_double());
}
static PX_FUN0(random_random_obj, random, random_random);

/* a + (b - a) * random(), in the arguments' own arithmetic */
static px_val random_uniform(px_val a, px_val b) {
    px_val span = px_binary(PX_BINOP_SUB, b, a);
    return px_binary(PX_BINOP_ADD, a, px_binary(PX_BINOP_MUL, span, px_float(px_random_double())));
}
static PX_FUN2(random_uniform_obj, uniform, random_uniform);
#endif

/* ---- seeding */

static px_val random_seed(size_t argc, const px_val *argv) {
    px_val a = argc > 0 ? argv[0] : PX_NONE;
    if (a == PX_NONE) {
        px_random_seed_entropy();
        return PX_NONE;
    }
    px_val n = px_int_unwrap(a);
    if (n == PX_NULL) {
        if (px_is_str(a) || px_isinstance(a, &px_type_bytes) || px_isinstance(a, &px_type_bytearray)) {
            px_raise_type_error("str and bytes seeds are not supported: seed with an int");
        }
#if PX_HAS_FLOAT
        if (!px_isinstance(a, &px_type_float)) {
            px_raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        /* CPython seeds with the float's hash as an unsigned size_t */
        n = px_int_from_u64((uint64_t)(size_t)px_hash(a));
#else
        px_raise_type_error("The only supported seed types are: None,\nint, str, bytes, and bytearray.");
#endif
    }
    px_digit buf[2];
    px_bn b;
    px_bn_get(n, &b, buf);
    px_random_seed_words(b.d, b.n); /* the digits of |n|, least significant first */
    return PX_NONE;
}
static PX_FUNV(random_seed_obj, seed, 0, 1, random_seed);

static const px_map_entry random_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(random))),
    PX_ENTRY_OBJ(choice, &random_choice_obj),
    PX_ENTRY_OBJ(getrandbits, &random_getrandbits_obj),
    PX_ENTRY_OBJ(randint, &random_randint_obj),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(random, &random_random_obj),
#endif
    PX_ENTRY_OBJ(randrange, &random_randrange_obj),
    PX_ENTRY_OBJ(seed, &random_seed_obj),
    PX_ENTRY_OBJ(shuffle, &random_shuffle_obj),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(uniform, &random_uniform_obj),
#endif
};
static PX_CONST_MAP(random_globals, random_table);
PX_MODULE_DEF(random, random_globals, PX_MODULE_EXTENSIBLE, NULL);
