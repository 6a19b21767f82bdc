/* Tab completion (see complete.h). */
#include <string.h>

#include "runtime.h"
#include "compiler/lexer.h"
#include "complete.h"

static bool is_name_byte(unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

/* A global of __main__, else a builtin; PX_NULL if neither. */
static px_val lookup_name(const char *s, size_t n) {
    px_qid q = px_qstr_find(s, n);
    if (q == PX_QID_NONE) {
        return PX_NULL; /* never interned: nothing can be bound to it */
    }
    px_val v = px_map_get_q(px_module_globals(px_st.main_module), q);
    if (v == PX_NULL) {
        v = px_map_get_q(px_module_globals(px_builtins_module()), q);
    }
    return v;
}

/* The object named by a dotted chain "a.b.c" (getattr only), or PX_NULL. */
static px_val resolve(const char *s, size_t n) {
    px_val obj = PX_NULL;
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '.') {
            j++;
        }
        if (j == i || (s[i] >= '0' && s[i] <= '9')) {
            return PX_NULL; /* "a..b", "1.x": not a name chain */
        }
        if (obj == PX_NULL) {
            obj = lookup_name(s + i, j - i);
        } else {
            obj = px_getattr_opt(obj, px_qstr_intern(s + i, j - i));
        }
        if (obj == PX_NULL) {
            return PX_NULL;
        }
        i = j + 1;
    }
    return obj;
}

/* Append the names in `names` (str values) that start with prefix. Names
 * starting with '_' are offered only when the prefix starts with '_'. */
static void add_matches(px_val out, px_val names, const char *prefix, size_t plen) {
    px_val it = px_iter(names);
    px_val name;
    while ((name = px_next(it)) != PX_NULL) {
        if (!px_is_str(name)) {
            continue;
        }
        size_t len;
        const char *s = px_str_data(name, &len);
        if (len < plen || memcmp(s, prefix, plen) != 0) {
            continue;
        }
        if (len > 0 && s[0] == '_' && (plen == 0 || prefix[0] != '_')) {
            continue;
        }
        px_list_append(out, name);
    }
}

/* The keys of a module's globals as a list. */
static px_val global_names(px_val module) {
    px_map *m = px_module_globals(module);
    px_val out = px_list_new(0, NULL);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(m, &pos)) != NULL) {
        px_list_append(out, e->key);
    }
    return out;
}

static void sort_unique(px_val list) {
    px_list_sort(list, PX_NONE, false);
    px_list *l = px_list_ptr(list);
    size_t w = 0;
    for (size_t r = 0; r < l->len; r++) {
        if (w == 0 || !px_str_equal(l->items[w - 1], l->items[r])) {
            l->items[w++] = l->items[r];
        }
    }
    l->len = w;
}

/* Whether the word starting at text[start] names a module: the line is
 * `import a, b...` or `from a` with the word before any `import`. */
static bool names_module(const char *text, size_t start) {
    size_t line = start;
    while (line > 0 && text[line - 1] != '\n') {
        line--;
    }
    while (line < start && (text[line] == ' ' || text[line] == '\t')) {
        line++;
    }
    const char *s = text + line;
    size_t n = start - line;
    if (n >= 7 && memcmp(s, "import ", 7) == 0) {
        return true;
    }
    if (n >= 5 && memcmp(s, "from ", 5) == 0) {
        for (size_t i = 5; i < n; i++) {
            if (s[i] != ' ' && s[i] != '\t') {
                return false; /* `from a import x`: a name in a, not a module */
            }
        }
        return true;
    }
    return false;
}

/* Module names: those in the binary and those already imported. */
static void add_module_matches(px_val out, const char *prefix, size_t plen) {
    add_matches(out, px_module_names(), prefix, plen);
    px_val loaded = px_list_new(0, NULL);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(px_dict_map(px_st.modules), &pos)) != NULL) {
        px_list_append(loaded, e->key);
    }
    add_matches(out, loaded, prefix, plen);
}

static void add_keyword_matches(px_val out, const char *prefix, size_t plen) {
    px_val words = px_list_new(0, NULL);
    const char *k;
    for (size_t i = 0; (k = px_lex_keyword(i)) != NULL; i++) {
        px_list_append(words, px_str_cstr(k));
    }
    add_matches(out, words, prefix, plen);
}

static px_val complete(const char *text, size_t n, size_t *word_len) {
    size_t start = n;
    while (start > 0 && (is_name_byte((unsigned char)text[start - 1]) || text[start - 1] == '.')) {
        start--;
    }
    const char *word = text + start;
    size_t wn = n - start;
    const char *dot = NULL;
    for (size_t i = 0; i < wn; i++) {
        if (word[i] == '.') {
            dot = word + i;
        }
    }
    const char *partial = dot ? dot + 1 : word;
    size_t plen = (size_t)(text + n - partial);
    *word_len = plen;
    px_val out = px_list_new(0, NULL);
    if (wn > 0 && word[0] >= '0' && word[0] <= '9') {
        return out; /* a number such as 1.5 */
    }
    if (names_module(text, start)) {
        *word_len = wn; /* dotted module names are completed whole */
        add_module_matches(out, word, wn);
    } else if (dot != NULL) {
        px_val obj = resolve(word, (size_t)(dot - word));
        if (obj == PX_NULL) {
            return out;
        }
        px_val dir = px_map_get_q(px_module_globals(px_builtins_module()), PX_Q(dir));
        add_matches(out, px_call1(dir, obj), partial, plen);
    } else {
        add_matches(out, global_names(px_st.main_module), partial, plen);
        add_matches(out, global_names(px_builtins_module()), partial, plen);
        add_keyword_matches(out, partial, plen);
    }
    sort_unique(out);
    return out;
}

px_val px_complete(const char *text, size_t n, size_t *word_len) {
    *word_len = 0;
    if (px_st.main_module == PX_NULL) {
        return px_list_new(0, NULL);
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val r = complete(text, n, word_len);
        px_try_pop(&j);
        return r;
    }
    return px_list_new(0, NULL); /* a failing getattr or dir(): nothing to offer */
}
