/* The board file: plain text mapping header pin names to chip lines, so
 * programs say Pin("P1_11") and survive kernels that renumber chips.
 *
 *     # comment
 *     default = pinctrl-rp1     # the chip behind Pin(17): label or gpiochipN
 *     P1_11 = pinctrl-rp1 17    # NAME = CHIP LINE
 *     pwm GPIO18 = 1f00098000.pwm 2   # the PWM channel behind a pin
 *
 * Found at $MICROPYTHON_BOARD, else /etc/micropython/board; read once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpio_chip.h"

#define DEFAULT_PATH "/etc/micropython/board"

static struct {
    char *text; /* GC block (a root), NULL if there is no file */
    bool loaded;
} board;

const char *px_gpio_board_path(void) {
    const char *env = getenv("MICROPYTHON_BOARD");
    return env != NULL && env[0] != '\0' ? env : DEFAULT_PATH;
}

static const char *board_text(void) {
    if (!board.loaded) {
        px_gc_add_root(&board.text, sizeof board.text);
        size_t len;
        int err;
        board.text = px_port_read_file(px_gpio_board_path(), &len, &err);
        board.loaded = true;
    }
    return board.text;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

/* The next whitespace-separated word in [*p, end), or false. */
static bool next_word(const char **p, const char *end, const char **w, size_t *n) {
    const char *s = *p;
    while (s < end && is_space(*s)) {
        s++;
    }
    const char *e = s;
    while (e < end && !is_space(*e) && *e != '=') {
        e++;
    }
    *p = e;
    *w = s;
    *n = (size_t)(e - s);
    return e > s;
}

/* Whether [*p, end) starts with the words of key (one or more, separated
 * by single spaces); *p moves past them. */
static bool match_key(const char **p, const char *end, const char *key, size_t keylen) {
    const char *k = key, *kend = key + keylen, *w;
    size_t n;
    while (k < kend) {
        const char *sp = memchr(k, ' ', (size_t)(kend - k));
        size_t klen = (size_t)((sp != NULL ? sp : kend) - k);
        if (!next_word(p, end, &w, &n) || n != klen || memcmp(w, k, n) != 0) {
            return false;
        }
        k += klen + (sp != NULL);
    }
    return true;
}

/* Find the entry `key`; its value words go to words[0..*nwords). */
static bool board_lookup(const char *key, size_t keylen, const char *words[2], size_t lens[2],
                         size_t *nwords) {
    const char *t = board_text();
    if (t == NULL) {
        return false;
    }
    while (*t) {
        const char *eol = strchr(t, '\n');
        if (eol == NULL) {
            eol = t + strlen(t);
        }
        const char *hash = memchr(t, '#', (size_t)(eol - t));
        const char *end = hash != NULL ? hash : eol;
        const char *p = t;
        if (keylen > 0 && match_key(&p, end, key, keylen)) {
            while (p < end && is_space(*p)) {
                p++;
            }
            if (p < end && *p == '=') {
                p++;
                *nwords = 0;
                while (*nwords < 2 && next_word(&p, end, &words[*nwords], &lens[*nwords])) {
                    (*nwords)++;
                }
                return true;
            }
        }
        t = *eol ? eol + 1 : eol;
    }
    return false;
}

PX_NORETURN static void bad_entry(const char *key, size_t keylen, const char *why) {
    px_raise_value_error("board file %s: '%.*s': %s", px_gpio_board_path(), (int)keylen, key, why);
}

static const px_gpio_chip *entry_chip(const char *key, size_t keylen, const char *w, size_t n) {
    const px_gpio_chip *c = px_gpio_chip_find(w, n);
    if (c == NULL) {
        char what[80];
        snprintf(what, sizeof what, "no GPIO chip '%.*s'", (int)(n < 40 ? n : 40), w);
        bad_entry(key, keylen, what);
    }
    return c;
}

bool px_gpio_board_pin(const char *name, size_t len, const px_gpio_chip **chip, unsigned *line) {
    const char *w[2];
    size_t n[2], nw;
    if ((len == 7 && memcmp(name, "default", 7) == 0) || !board_lookup(name, len, w, n, &nw)) {
        return false;
    }
    if (nw != 2) {
        bad_entry(name, len, "expected 'NAME = CHIP LINE'");
    }
    char num[16];
    snprintf(num, sizeof num, "%.*s", (int)(n[1] < 15 ? n[1] : 15), w[1]);
    char *end;
    long l = strtol(num, &end, 10);
    if (*end != '\0' || end == num || l < 0) {
        bad_entry(name, len, "the line must be a number");
    }
    const px_gpio_chip *c = entry_chip(name, len, w[0], n[0]);
    if ((unsigned long)l >= c->nlines) {
        bad_entry(name, len, "line number out of range for the chip");
    }
    *chip = c;
    *line = (unsigned)l;
    return true;
}

const px_gpio_chip *px_gpio_board_default_chip(void) {
    const char *w[2];
    size_t n[2], nw;
    if (!board_lookup("default", 7, w, n, &nw)) {
        return NULL;
    }
    if (nw != 1) {
        bad_entry("default", 7, "expected 'default = CHIP'");
    }
    return entry_chip("default", 7, w[0], n[0]);
}

bool px_gpio_board_pwm(const char *pin, size_t len, const char **chip, size_t *chiplen, unsigned *channel) {
    char key[80];
    if (len > sizeof key - 5 || memchr(pin, ' ', len) != NULL) {
        return false;
    }
    snprintf(key, sizeof key, "pwm %.*s", (int)len, pin);
    const char *w[2];
    size_t n[2], nw;
    if (!board_lookup(key, len + 4, w, n, &nw)) {
        return false;
    }
    if (nw != 2) {
        bad_entry(key, len + 4, "expected 'pwm PIN = CHIP CHANNEL'");
    }
    char num[16];
    snprintf(num, sizeof num, "%.*s", (int)(n[1] < 15 ? n[1] : 15), w[1]);
    char *end;
    long l = strtol(num, &end, 10);
    if (*end != '\0' || end == num || l < 0) {
        bad_entry(key, len + 4, "the channel must be a number");
    }
    *chip = w[0];
    *chiplen = n[0];
    *channel = (unsigned)l;
    return true;
}
