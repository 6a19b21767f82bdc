/* str (UTF-8), bytes, bytearray, memoryview, and string formatting. */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include "../object.h"

/* ---- str. A str value is either an interned name (px_is_qstr) or a heap
 * px_type_str object; both hold valid UTF-8. Every function here accepts
 * both forms. */
px_val px_str(const char *s, size_t len);  /* copies; s must be valid UTF-8 */
px_val px_str_cstr(const char *s);
px_val px_str_interned(const char *s, size_t len); /* as a name when possible */
bool px_is_str(px_val v);                  /* str or a subclass's native */
/* Bytes of a str (len in bytes); TypeError if v is not a str. */
const char *px_str_data(px_val v, size_t *len);
size_t px_str_charlen(px_val v);           /* length in code points */
/* s[i] of an exact heap str s for an in-range i (negative counts from the
 * end), or PX_NULL when out of range (the caller raises through the type). */
px_val px_str_item(px_val s, px_int i);
/* s[a:b] of an exact heap str s of ASCII text, a and b small ints or None,
 * or PX_NULL for other text (the caller takes the general path). */
px_val px_str_slice_ascii(px_val s, px_val a, px_val b);
uint32_t px_str_hash(px_val v);
bool px_str_equal(px_val a, px_val b);     /* both str */
px_qid px_str_to_qid(px_val v);            /* interns a heap str */
px_val px_str_concat(px_val a, px_val b);
/* `x += rhs` for a local x holding lhs (the VM's INPLACE_ADD_FAST): lhs + rhs
 * for two exact str or two exact bytes, growing lhs in place when the
 * variable owns it; PX_NULL for other operands (do the generic +=). */
px_val px_text_iadd(px_val lhs, px_val rhs);
/* Another reference to v is being made (LOAD_FAST_ESC, locals()): an owned
 * str/bytes becomes an ordinary immutable one. */
void px_text_disown(px_val v);
/* str(v) and repr(v) as str values. */
px_val px_to_str(px_val v);
px_val px_to_repr(px_val v);
px_val px_to_ascii(px_val v);
/* Validate UTF-8; returns false on bad sequences. */
bool px_utf8_valid(const char *s, size_t len);

/* ---- bytes / bytearray */
px_val px_bytes(const void *data, size_t len);
px_val px_bytearray(const void *data, size_t len);
/* A bytearray over len bytes at data that it does not own (uctypes):
 * reads and writes reach that memory; it can shrink but never grow. data
 * must stay valid while the bytearray is used (and not be NULL). */
px_val px_bytearray_at(void *data, size_t len);
bool px_is_bytes(px_val v);
const uint8_t *px_bytes_data(px_val v, size_t *len); /* bytes only */
/* Any object with the buffer protocol; TypeError naming `what` otherwise. */
void px_get_buffer(px_val v, px_buffer *buf, unsigned flags);
/* The same without raising: false if v has no (suitable) buffer. */
bool px_buffer_try(px_val v, px_buffer *buf, unsigned flags);
/* What a binary stream's write() takes: a bytes-like object, or a str as
 * its UTF-8, as MicroPython's streams do (its requests package writes
 * header lines so); TypeError for anything else. */
void px_get_write_buffer(px_val v, px_buffer *buf);
/* The one form of every binary stream's write(buf[, len]), MicroPython's:
 * px_get_write_buffer of argv[1], cut to its first len bytes when argv[2]
 * is given (None, or len past the end or negative: all of it). argv[0] is
 * the stream; argc is 2 or 3. */
void px_stream_write_arg(size_t argc, const px_val *argv, px_buffer *buf);
/* The one form of every binary stream's readinto(buf[, nbytes]): the
 * writable buffer of argv[1], cut to nbytes as px_stream_write_arg cuts. */
void px_stream_readinto_arg(size_t argc, const px_val *argv, px_buffer *buf);
/* A text stream's write(s) takes no length: TypeError if argc > 2. */
void px_stream_text_write_arg(size_t argc);
/* Item formats of buffers (b B h H i I l L q Q n N f d c ?, native size
 * and order): the size of one item (0 for an unknown format), and the
 * Python value of the item at p. */
size_t px_buffer_item_size(char format);
px_val px_buffer_unpack_item(const uint8_t *p, char format);

/* ---- formatting */
/* format(v, spec): __format__ of v, or the built-in mini-language. */
px_val px_format(px_val v, px_val spec);
/* The f-string FORMAT_VALUE step: conversion is 0, 's', 'r' or 'a'. */
px_val px_format_value(px_val v, int conversion, px_val spec);
/* str % args */
px_val px_str_modulo(px_val fmt, px_val args);
/* Join an array of str values (BUILD_STRING). */
px_val px_str_join_array(size_t n, const px_val *parts);

/* ---- built-in functions of this area (listed by the builtins module) */
extern const px_builtin px_builtin_chr, px_builtin_ord, px_builtin_format, px_builtin_ascii;

/* ---- t-strings (PEP 750): module string.templatelib */
extern const px_type px_type_template, px_type_interpolation;
/* items = s0, i1, s1, ..., in, sn: n Interpolations interleaved with n+1 strs. */
px_val px_template_new(size_t n, const px_val *items);
/* conversion: None or 's' / 'r' / 'a' (a str); format_spec a str. */
px_val px_interpolation_new(px_val value, px_val expr, px_val conversion, px_val format_spec);

#endif
