/* The program generator behind fuzz_vm (see vm_gen.h).
 *
 * Rules that keep every program deterministic and short-running, so its
 * output can be compared with CPython's:
 *   - values are clamped after each assignment (_c): ints to 12 digits,
 *     sequences to 40 items; repetition counts and shift amounts go
 *     through _s (0..6), exponents too;
 *   - loops iterate over at most 6 items (_it) or count to at most 4;
 *   - functions only call functions defined before them (no recursion);
 *   - printing goes through _p, which shows objects without a stable repr
 *     (functions, generators, sets) by type or in sorted order;
 *   - `is` only compares with None (identity of equal ints or strings
 *     differs between implementations);
 *   - every top-level statement runs under `except Exception` printing
 *     only the exception's type name (messages may differ on purpose). */
#include "vm_gen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const uint8_t *p;
    size_t n, i;
    char *out;
    size_t len, cap;
    int indent;
    int loop_depth;   /* > 0: break/continue allowed */
    int in_func;      /* > 0: return allowed */
    int nfuncs;       /* f0..f(nfuncs-1) exist */
    int wcount;       /* while-loop counters in use */
    int budget;       /* statements left */
    int in_iterable;  /* > 0: inside a comprehension's iterable (no ':=') */
    int in_fstring;   /* > 0: inside an f-string field (3.11: no nested f-string
                       * with the same quotes, no backslash) */
} gen;

static unsigned pick(gen *g, unsigned k) {
    if (g->i >= g->n || k <= 1) {
        return 0;
    }
    return g->p[g->i++] % k;
}

static void emit(gen *g, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int m = vsnprintf(g->out + g->len, g->cap - g->len, fmt, ap);
        va_end(ap);
        if (m >= 0 && (size_t)m < g->cap - g->len) {
            g->len += (size_t)m;
            return;
        }
        g->cap = g->cap * 2 + (size_t)(m > 0 ? m : 64);
        g->out = realloc(g->out, g->cap);
        if (g->out == NULL) {
            abort();
        }
    }
}

static void line_start(gen *g) {
    for (int i = 0; i < g->indent; i++) {
        emit(g, "    ");
    }
}

static const char *const vars[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
#define NVARS 8

static const char *const literals[] = {
    "0", "1", "-3", "7", "2**40", "10**20", "-(2**63)", "0.5", "-1.25", "1e300", "3.0", "-0.0",
    "''", "'ab'", "'x\\ny'", "'\\u00e9t\\u00e9'", "b'xy'", "b''", "None", "True", "False",
    "[]", "[1, 'a']", "(2, 3)", "()", "{'k': 1}", "{}", "K(2)", "K('s')", "1j", "2.5e-8", "255",
};
#define NLITERALS (sizeof literals / sizeof literals[0])

static const char *const binops[] = {"+", "-", "*", "/", "//", "%", "&", "|", "^", "==", "!=", "<", "<=",
                                     ">", ">=", "in", "not in", "and", "or"};
#define NBINOPS (sizeof binops / sizeof binops[0])

static const char *const unary_calls[] = {"len", "str", "repr", "bool", "int", "float", "abs", "type",
                                          "list", "tuple", "sorted", "hex", "ord", "chr", "round",
                                          "sum", "min", "max", "reversed", "enumerate", "ascii", "callable"};
#define NUNARY (sizeof unary_calls / sizeof unary_calls[0])

static const char *const methods[] = {"upper()", "split()", "strip('a')", "count(1)", "index('a')",
                                      "append(1)", "pop()", "keys()", "items()", "get('k', 0)",
                                      "join(['p', 'q'])", "startswith('a')", "replace('a', 'b')",
                                      "copy()", "insert(0, 5)", "extend([9])", "find('y')",
                                      "encode()", "decode()", "to_bytes(4, 'big')", "bit_length()",
                                      "is_integer()", "setdefault('z', 3)", "remove(1)", "sort()",
                                      "format(1)", "partition('b')", "zfill(5)", "hex()", "v"};
#define NMETHODS (sizeof methods / sizeof methods[0])

static void expr(gen *g, int depth);

static void operand(gen *g, int depth) {
    emit(g, "(");
    expr(g, depth);
    emit(g, ")");
}

static void small(gen *g, int depth) {
    emit(g, "_s(");
    expr(g, depth);
    emit(g, ")");
}

static void iterable(gen *g, int depth) {
    g->in_iterable++;
    emit(g, "_it(");
    expr(g, depth);
    emit(g, ")");
    g->in_iterable--;
}

static void literal(gen *g) {
    const char *l = literals[pick(g, NLITERALS)];
    emit(g, "%s", g->in_fstring > 0 && strchr(l, '\\') ? "'e'" : l);
}

static void expr(gen *g, int depth) {
    if (depth <= 0) {
        if (pick(g, 2)) {
            emit(g, "%s", vars[pick(g, NVARS)]);
        } else {
            literal(g);
        }
        return;
    }
    depth--;
    switch (pick(g, 24)) {
    case 0:
    case 1:
        emit(g, "%s", vars[pick(g, NVARS)]);
        break;
    case 2:
        literal(g);
        break;
    case 3:
        operand(g, depth);
        emit(g, pick(g, 2) ? " is None" : " is not None");
        break;
    case 4:
    case 5: {
        operand(g, depth);
        emit(g, " %s ", binops[pick(g, NBINOPS)]);
        operand(g, depth);
        break;
    }
    case 6: {
        static const char *const shifty[] = {"**", "<<", ">>"};
        operand(g, depth);
        emit(g, " %s ", shifty[pick(g, 3)]);
        small(g, depth);
        break;
    }
    case 7:
        operand(g, depth);
        emit(g, " * ");
        small(g, depth);
        break;
    case 8: {
        static const char *const unops[] = {"-", "~", "not ", "+"};
        emit(g, "%s", unops[pick(g, 4)]);
        operand(g, depth);
        break;
    }
    case 9:
        emit(g, "%s(", unary_calls[pick(g, NUNARY)]);
        expr(g, depth);
        emit(g, ")");
        break;
    case 10:
        operand(g, depth);
        emit(g, "[");
        expr(g, depth);
        emit(g, "]");
        break;
    case 11:
        operand(g, depth);
        emit(g, "[");
        if (pick(g, 2)) {
            small(g, depth);
        }
        emit(g, ":");
        if (pick(g, 2)) {
            expr(g, depth);
        }
        if (pick(g, 2)) {
            emit(g, ":");
            emit(g, "%d", (int)pick(g, 5) - 2 == 0 ? 1 : (int)pick(g, 5) - 2);
        }
        emit(g, "]");
        break;
    case 12:
        operand(g, depth);
        emit(g, ".%s", methods[pick(g, NMETHODS)]);
        break;
    case 13:
        if (g->nfuncs > 0) {
            emit(g, "f%u(", pick(g, (unsigned)g->nfuncs));
            expr(g, depth);
            if (pick(g, 2)) {
                emit(g, ", ");
                expr(g, depth);
            }
            emit(g, ")");
        } else {
            emit(g, "%s", vars[pick(g, NVARS)]);
        }
        break;
    case 14:
        emit(g, "[");
        expr(g, depth);
        emit(g, " for x in ");
        iterable(g, depth);
        if (pick(g, 2)) {
            emit(g, " if ("); /* a bare conditional expression is not allowed here */
            expr(g, depth);
            emit(g, ")");
        }
        emit(g, "]");
        break;
    case 15:
        emit(g, "{x: ");
        expr(g, depth);
        emit(g, " for x in ");
        iterable(g, depth);
        emit(g, "}");
        break;
    case 16:
        emit(g, "sum(_n(x) for x in ");
        iterable(g, depth);
        emit(g, ")");
        break;
    case 17:
        operand(g, depth);
        emit(g, " if ");
        operand(g, depth);
        emit(g, " else ");
        operand(g, depth);
        break;
    case 18: {
        static const char *const fmts[] = {"'%%s' %% (", "'%%r/%%5s' %% (", "'{}'.format(", "'%%d' %% ("};
        unsigned k = pick(g, 4);
        emit(g, fmts[k]);
        expr(g, depth);
        if (k == 1) {
            emit(g, ", ");
            expr(g, depth);
        }
        emit(g, k == 2 ? ")" : ",)");
        break;
    }
    case 19: {
        static const char *const specs[] = {"", "!r", ":>6", ":x", ":.3", "!s:^7", ":,", ":08.2f"};
        if (g->in_fstring > 0) {
            emit(g, "%s", vars[pick(g, NVARS)]);
            break;
        }
        g->in_fstring++;
        /* Double quotes: generated expressions only use single ones. The
         * space: a field may start with '{' (a dict). */
        emit(g, "f\"<{ ");
        expr(g, depth);
        emit(g, "%s}>\"", specs[pick(g, 8)]);
        g->in_fstring--;
        break;
    }
    case 20:
        emit(g, "(lambda x, y=2: ");
        expr(g, depth);
        emit(g, ")(");
        expr(g, depth);
        emit(g, ")");
        break;
    case 21:
        emit(g, "[");
        expr(g, depth);
        emit(g, ", ");
        expr(g, depth);
        emit(g, ", *");
        iterable(g, depth);
        emit(g, "]");
        break;
    case 22: {
        static const char *const builders[] = {"divmod", "min", "max", "isinstance", "pow", "round", "getattr"};
        unsigned k = pick(g, 7);
        emit(g, "%s(", builders[k]);
        expr(g, depth);
        emit(g, ", ");
        if (k == 3) {
            static const char *const types[] = {"int", "str", "(list, tuple)", "K", "float", "Exception"};
            emit(g, "%s", types[pick(g, 6)]);
        } else if (k == 4) {
            small(g, depth);
        } else if (k == 6) {
            emit(g, "'v', 0");
        } else {
            expr(g, depth);
        }
        emit(g, ")");
        break;
    }
    default:
        if (g->in_iterable > 0) {
            emit(g, "%s", vars[pick(g, NVARS)]);
            break;
        }
        emit(g, "(%s := ", vars[pick(g, NVARS)]);
        expr(g, depth);
        emit(g, ")");
        break;
    }
}

static void block(gen *g, int depth);

static void stmt(gen *g, int depth) {
    g->budget--;
    line_start(g);
    const char *v = vars[pick(g, NVARS)];
    unsigned k = depth > 0 ? pick(g, 16) : pick(g, 4);
    switch (k) {
    case 0:
        emit(g, "%s = _c(", v);
        expr(g, 3);
        emit(g, ")\n");
        break;
    case 1:
        emit(g, "_p(");
        expr(g, 3);
        emit(g, ")\n");
        break;
    case 2: {
        static const char *const aug[] = {"+=", "-=", "*=", "|=", "//=", "%=", "&=", "^="};
        unsigned a = pick(g, 8);
        emit(g, "%s %s ", v, aug[a]);
        if (a == 2) {
            small(g, 2);
        } else {
            expr(g, 2);
        }
        emit(g, "; %s = _c(%s)\n", v, v);
        break;
    }
    case 3:
        if (g->loop_depth > 0 && pick(g, 2)) {
            emit(g, pick(g, 2) ? "break\n" : "continue\n");
        } else if (g->in_func > 0 && pick(g, 2)) {
            emit(g, "return ");
            expr(g, 2);
            emit(g, "\n");
        } else {
            emit(g, "%s[", v);
            expr(g, 1);
            emit(g, "] = ");
            expr(g, 2);
            emit(g, "\n");
        }
        break;
    case 4:
        emit(g, "if ");
        expr(g, 2);
        emit(g, ":\n");
        block(g, depth - 1);
        if (pick(g, 2)) {
            line_start(g);
            emit(g, "else:\n");
            block(g, depth - 1);
        }
        break;
    case 5:
        emit(g, "for %s in ", v);
        iterable(g, 2);
        emit(g, ":\n");
        g->loop_depth++;
        block(g, depth - 1);
        g->loop_depth--;
        if (pick(g, 3) == 0) {
            line_start(g);
            emit(g, "else:\n");
            block(g, depth - 1);
        }
        break;
    case 6: {
        int w = g->wcount++;
        emit(g, "_w%d = 0\n", w);
        line_start(g);
        emit(g, "while _w%d < %u:\n", w, 1 + pick(g, 4));
        g->indent++;
        line_start(g);
        emit(g, "_w%d += 1\n", w);
        g->indent--;
        g->loop_depth++;
        block(g, depth - 1);
        g->loop_depth--;
        g->wcount--;
        break;
    }
    case 7: {
        emit(g, "try:\n");
        block(g, depth - 1);
        static const char *const excs[] = {"Exception", "ValueError", "(TypeError, KeyError)", "ZeroDivisionError",
                                           "IndexError", "ArithmeticError", "LookupError", "AttributeError"};
        unsigned n = pick(g, 3);
        for (unsigned i = 0; i < n || (i == 0 && !pick(g, 2)); i++) {
            line_start(g);
            emit(g, "except %s as _x%d:\n", excs[pick(g, 8)], g->indent);
            g->indent++;
            line_start(g);
            emit(g, "_p('caught', type(_x%d).__name__)\n", g->indent - 1);
            g->indent--;
            block(g, depth - 1);
        }
        line_start(g);
        emit(g, "finally:\n");
        block(g, depth - 1);
        break;
    }
    case 8:
        emit(g, "with CM(");
        expr(g, 1);
        emit(g, ") as %s:\n", v);
        block(g, depth - 1);
        break;
    case 9:
        emit(g, "raise ");
        static const char *const raisable[] = {"ValueError", "KeyError", "TypeError", "E1", "RuntimeError"};
        emit(g, "%s(", raisable[pick(g, 5)]);
        expr(g, 1);
        emit(g, ")\n");
        break;
    case 10:
        emit(g, "assert ");
        expr(g, 2);
        emit(g, ", 'no'\n");
        break;
    case 11:
        emit(g, "for _y in gen%u(", pick(g, 2));
        expr(g, 1);
        emit(g, "):\n");
        g->indent++;
        line_start(g);
        emit(g, "_p('y', _y)\n");
        g->indent--;
        break;
    case 12:
        emit(g, "del %s\n", v);
        line_start(g);
        emit(g, "%s = ", v);
        expr(g, 1);
        emit(g, "\n");
        break;
    case 13:
        emit(g, "%s, %s = ", v, vars[pick(g, NVARS)]);
        expr(g, 1);
        emit(g, ", _c(");
        expr(g, 2);
        emit(g, ")\n");
        break;
    case 14:
        emit(g, "%s = [", v);
        expr(g, 1);
        emit(g, " for _z in range(%u)]\n", pick(g, 4));
        break;
    default:
        emit(g, "_p(");
        expr(g, 2);
        emit(g, ", ");
        expr(g, 2);
        emit(g, ")\n");
        break;
    }
}

static void block(gen *g, int depth) {
    g->indent++;
    unsigned n = 1 + pick(g, 3);
    for (unsigned i = 0; i < n && (i == 0 || g->budget > 0); i++) {
        stmt(g, depth);
    }
    g->indent--;
}

static const char prelude[] =
    "class K:\n"
    "    def __init__(self, v): self.v = v\n"
    "    def __repr__(self): return 'K(%r)' % (self.v,)\n"
    "    def __eq__(self, o): return isinstance(o, K) and self.v == o.v\n"
    "    def __lt__(self, o): return self.v < (o.v if isinstance(o, K) else o)\n"
    "    def __add__(self, o): return K(_c(self.v + (o.v if isinstance(o, K) else o)))\n"
    "    def __radd__(self, o): return K(_c(o + self.v))\n"
    "    def __len__(self): return 2\n"
    "    def __getitem__(self, i):\n"
    "        if i in (0, 1): return self.v\n"
    "        raise IndexError(i)\n"
    "    def __bool__(self): return bool(self.v)\n"
    "    __hash__ = None\n"
    "class E1(Exception):\n"
    "    pass\n"
    "class CM:\n"
    "    def __init__(self, v): self.v = v\n"
    "    def __enter__(self):\n"
    "        print('enter')\n"
    "        return self.v\n"
    "    def __exit__(self, t, e, tb):\n"
    "        print('exit', t.__name__ if t else None)\n"
    "        return isinstance(e, KeyError)\n"
    "def _c(x):\n"
    "    if type(x) is int and not -10**12 <= x <= 10**12: return x % 1000003\n"
    "    if type(x) in (str, bytes, list, tuple) and len(x) > 40: return x[:40]\n"
    "    if type(x) is dict and len(x) > 20: return dict(list(x.items())[:20])\n"
    "    return x\n"
    "def _s(x):\n"
    "    if type(x) is int: return x % 7\n"
    "    return x\n"
    "def _n(x):\n"
    "    return x if type(x) in (int, float, bool) else len(str(x)) % 7\n"
    "def _it(x):\n"
    "    if type(x) in (int, bool): return range(_s(x))\n"
    "    try:\n"
    "        return list(x)[:6]\n"
    "    except Exception:\n"
    "        return [x]\n"
    /* depth-limited: loops rebinding a name into [f, f, *f] build
     * shared nestings whose full walk is exponential (a time-out finding) */
    "def _r(x, d=0):\n"
    "    t = type(x)\n"
    "    if x is None or t in (int, float, str, bytes, bool, complex, K): return x\n"
    "    if d > 3: return '...'\n"
    "    if t in (list, tuple): return t(_r(y, d + 1) for y in x)\n"
    "    if t is dict: return {k: _r(v, d + 1) for k, v in x.items()}\n"
    "    if t in (set, frozenset): return ('set', sorted(x, key=repr))\n"
    "    if t in (range, bytearray): return x\n"
    "    return '<' + ('type' if t is type else 'exception' if isinstance(x, BaseException) else 'object') + '>'\n"
    "def _p(*a):\n"
    "    print(*[_r(y) for y in a])\n"
    "def gen0(n):\n"
    "    for i in _it(n):\n"
    "        yield _c(i)\n"
    "def gen1(n):\n"
    "    yield n\n"
    "    yield from gen0(n)\n"
    "    return 5\n"
    "a, b, c, d, e, f, g, h = 1, 2.5, 'xy', [1, 2], (3, 'z'), {'k': 1}, K(4), None\n";

char *vm_gen_program(const uint8_t *data, size_t size, size_t *len) {
    gen G = {0}, *g = &G;
    g->p = data;
    g->n = size;
    g->cap = 4096;
    g->out = malloc(g->cap);
    if (g->out == NULL) {
        abort();
    }
    g->out[0] = 0;
    g->budget = 60;
    emit(g, "%s", prelude);
    unsigned nf = pick(g, 4);
    for (unsigned i = 0; i < nf; i++) {
        emit(g, "def f%u(p, q=%s):\n", i, literals[pick(g, NLITERALS)]);
        g->in_func++;
        g->indent++;
        line_start(g);
        emit(g, "a, b = p, q\n");
        g->indent--;
        block(g, 2);
        g->indent++;
        line_start(g);
        emit(g, "return ");
        expr(g, 2);
        emit(g, "\n");
        g->indent--;
        g->in_func--;
        g->nfuncs++;
    }
    while (g->budget > 0 && g->i < g->n) {
        emit(g, "try:\n");
        g->indent++;
        stmt(g, 3);
        g->indent--;
        emit(g, "except Exception as _e:\n    print('E', type(_e).__name__)\n");
    }
    emit(g, "for _v in 'abcdefgh':\n    _p(_v, globals().get(_v, 'unset'))\n");
    *len = g->len;
    return g->out;
}
