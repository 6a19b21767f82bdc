/* Text output and building: growable byte buffers, output sinks, and
 * printing any value as str or repr. */
#ifndef PX_PRINT_H
#define PX_PRINT_H

#include "../object.h"

/* A growable byte buffer on the GC heap. */
typedef struct px_strbuf {
    char *data;
    size_t len;
    size_t cap;
} px_strbuf;

void px_strbuf_init(px_strbuf *b, size_t cap);
void px_strbuf_add(px_strbuf *b, const char *s, size_t n);
void px_strbuf_add_cstr(px_strbuf *b, const char *s);
void px_strbuf_add_char(px_strbuf *b, char c);
void px_strbuf_add_utf8(px_strbuf *b, uint32_t codepoint);
/* Reserve n more bytes and return where to write them (len grows by n). */
char *px_strbuf_extend(px_strbuf *b, size_t n);
/* An output sink writing into b. */
px_out px_strbuf_out(px_strbuf *b);
/* A new str from the buffer (the buffer may be reused as its storage). */
px_val px_strbuf_to_str(px_strbuf *b);
px_val px_strbuf_to_bytes(px_strbuf *b);

/* Sinks for the console (through the port). */
extern px_out px_out_stdout, px_out_stderr;

void px_write(px_out *out, const char *s, size_t n);
void px_write_cstr(px_out *out, const char *s);
void px_printf(px_out *out, const char *fmt, ...) PX_PRINTF(2, 3);
/* Print a value as str() or repr() would. Never crashes on cycles. */
void px_print(px_out *out, px_val v, px_print_kind kind);

/* Cycle protection for container printing: px_print_enter returns false if
 * v is already being printed further up (print "[...]" / "{...}" then);
 * on true, call px_print_leave(v) when done (also on the way out of an
 * exception: px_print_reset() clears the set when printing was aborted). */
bool px_print_enter(px_val v);
void px_print_leave(px_val v);
void px_print_reset(void);

#endif
