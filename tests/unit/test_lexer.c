/* Unit tests of the front end: token streams of tricky inputs (lexer.c),
 * parse + dump checks (parser.c, ast.c), and SyntaxError messages. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "compiler/lexer.h"
#include "compiler/parser.h"
#include "check_run.h"

static void *stack_top;

static void setup(void) {
    px_init(64u << 20, stack_top);
}

/* Token stream as text: names and operators as written, NUMBER as "#",
 * STRING as "$", NEWLINE "NL", INDENT ">", DEDENT "<"; END ends it. */
static char toks_buf[4096];

static const char *tokens(const char *src) {
    px_lexer lx;
    px_lexer_init(&lx, src, strlen(src), px_qstr_intern_cstr("t.py"));
    size_t n;
    px_token *t = px_lex_all(&lx, &n);
    size_t len = 0;
    toks_buf[0] = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const char *s;
        switch (t[i].type) {
        case PX_TOK_NAME: s = px_qstr_str(px_qstr_get(t[i].u.value)); break;
        case PX_TOK_NUMBER: s = "#"; break;
        case PX_TOK_STRING: s = "$"; break;
        case PX_TOK_NEWLINE: s = "NL"; break;
        case PX_TOK_INDENT: s = ">"; break;
        case PX_TOK_DEDENT: s = "<"; break;
        default: s = px_tok_text(t[i].type); break;
        }
        len += (size_t)snprintf(toks_buf + len, sizeof toks_buf - len, "%s%s", len ? " " : "", s);
    }
    return toks_buf;
}

static char dump_buf[8192];

static const char *dump(const char *src, px_compile_mode mode) {
    px_ast_mod *m = px_parse(src, strlen(src), px_qstr_intern_cstr("t.py"), mode);
    px_strbuf b;
    px_strbuf_init(&b, 256);
    px_out out = px_strbuf_out(&b);
    px_ast_dump(&out, m);
    size_t n = b.len < sizeof dump_buf - 1 ? b.len : sizeof dump_buf - 1;
    memcpy(dump_buf, b.data, n);
    dump_buf[n] = 0;
    return dump_buf;
}

/* "Type: msg @line:offset" of the error raised by parsing src, or "OK". */
static char err_buf[512];

static const char *parse_error(const char *src) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_parse(src, strlen(src), px_qstr_intern_cstr("t.py"), PX_COMPILE_FILE);
        px_try_pop(&j);
        return "OK";
    }
    px_val args = px_exc_args(j.exc);
    size_t n;
    px_val *items = px_seq_items(args, &n);
    size_t ml = 0;
    const char *msg = n > 0 && px_is_str(items[0]) ? px_str_data(items[0], &ml) : "?";
    long line = -1, offset = -1;
    if (n > 1) {
        size_t ln;
        px_val *loc = px_seq_items(items[1], &ln);
        if (loc != NULL && ln == 4) {
            line = (long)px_small_get(loc[1]);
            offset = (long)px_small_get(loc[2]);
        }
    }
    snprintf(err_buf, sizeof err_buf, "%s: %.*s @%ld:%ld", px_type_name(j.exc), (int)ml, msg, line, offset);
    return err_buf;
}

START_TEST(test_tokens_basic) {
    ck_assert_str_eq(tokens("x = 1\n"), "x = # NL");
    ck_assert_str_eq(tokens("x"), "x NL");
    ck_assert_str_eq(tokens("a:=b->c**=d//=e@=f...g"), "a := b -> c **= d //= e @= f ... g NL");
    ck_assert_str_eq(tokens("a<<=b>>=c!=d<=e>=f==g"), "a <<= b >>= c != d <= e >= f == g NL");
    ck_assert_str_eq(tokens("if x:\n    y\n    z\nw\n"), "if x : NL > y NL z NL < w NL");
    ck_assert_str_eq(tokens("if x:\n  if y:\n    z\n"), "if x : NL > if y : NL > z NL < <");
}
END_TEST

START_TEST(test_tokens_lines) {
    /* blank lines, comments, brackets and continuations make no NEWLINE */
    ck_assert_str_eq(tokens("\n\n# c\n  # indented comment\nx  # c\n\n"), "x NL");
    ck_assert_str_eq(tokens("x = (1,\n  2)\n"), "x = ( # , # ) NL");
    ck_assert_str_eq(tokens("x = 1 + \\\n  2\n"), "x = # + # NL");
    ck_assert_str_eq(tokens("x = 1\r\ny = 2\r\n"), "x = # NL y = # NL");
    ck_assert_str_eq(tokens("\xEF\xBB\xBFx\n"), "x NL");
    ck_assert_str_eq(tokens("#!/usr/bin/env python\nx\n"), "x NL");
    ck_assert_str_eq(tokens("if x:\n\ty\n\tz\n"), "if x : NL > y NL z NL <");
}
END_TEST

START_TEST(test_tokens_literals) {
    ck_assert_str_eq(tokens("1_000.5e-3 0x_ff 0o17 0b1 1j .5 5. 1E5"), "# # # # # # # # NL");
    ck_assert_str_eq(tokens("rb'x' Br\"y\" f'{a}' u'z' t'w' '''a\nb''' \"\"\"c\"\"\""), "$ $ $ $ $ $ $ NL");
    ck_assert_str_eq(tokens("1if x else 2"), "# if x else # NL");
    ck_assert_str_eq(tokens("bx'a'"), "bx $ NL");
}
END_TEST

START_TEST(test_parse_dump) {
    ck_assert_str_eq(dump("x = 1 + 2 * 3", PX_COMPILE_FILE),
                     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), "
                     "op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))))])");
    ck_assert_str_eq(dump("a, *b = c", PX_COMPILE_FILE),
                     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', "
                     "ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))])");
    ck_assert_str_eq(dump("a < b is not c", PX_COMPILE_EVAL),
                     "Expression(body=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot()], "
                     "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))");
    ck_assert_str_eq(dump("f'{x=}'", PX_COMPILE_EVAL),
                     "Expression(body=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', "
                     "ctx=Load()), conversion=114)]))");
    ck_assert_str_eq(dump("f'{x:>{w}}'", PX_COMPILE_EVAL),
                     "Expression(body=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
                     "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', "
                     "ctx=Load()), conversion=-1)]))]))");
    ck_assert_str_eq(dump("from ..a import (b as c,)", PX_COMPILE_FILE),
                     "Module(body=[ImportFrom(module='a', names=[alias(name='b', asname='c')], level=2)])");
    ck_assert_str_eq(dump("lambda a, /, b=1, *c, d, **e: 0", PX_COMPILE_EVAL),
                     "Expression(body=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], "
                     "vararg=arg(arg='c'), kwonlyargs=[arg(arg='d')], kw_defaults=[None], kwarg=arg(arg='e'), "
                     "defaults=[Constant(value=1)]), body=Constant(value=0)))");
    ck_assert_str_eq(dump("with (a as b, c): pass", PX_COMPILE_FILE),
                     "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name("
                     "id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])])");
    ck_assert_str_eq(dump("'a' 'b'", PX_COMPILE_EVAL), "Expression(body=Constant(value='ab'))");
    ck_assert_str_eq(dump("x\n", PX_COMPILE_SINGLE), "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])");
}
END_TEST

START_TEST(test_errors) {
    ck_assert_str_eq(parse_error("x = $"), "SyntaxError: invalid syntax @1:5");
    ck_assert_str_eq(parse_error("x = (1,\n"), "SyntaxError: '(' was never closed @1:5");
    ck_assert_str_eq(parse_error("x = 'abc"), "SyntaxError: unterminated string literal (detected at line 1) @1:5");
    ck_assert_str_eq(parse_error("if x:\npass"),
                     "IndentationError: expected an indented block after 'if' statement on line 1 @2:1");
    ck_assert_str_eq(parse_error("if 1:\n    a\n  b\n"),
                     "IndentationError: unindent does not match any outer indentation level @3:4");
    ck_assert_str_eq(parse_error("1 = x"),
                     "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1");
    ck_assert_str_eq(parse_error("012"),
                     "SyntaxError: leading zeros in decimal integer literals are not permitted; "
                     "use an 0o prefix for octal integers @1:1");
    ck_assert_str_eq(parse_error("f'{}'"), "SyntaxError: f-string: empty expression not allowed @1:4");
    ck_assert_str_eq(parse_error("f(x for x in y, 1)"), "SyntaxError: Generator expression must be parenthesized @1:3");
    ck_assert_str_eq(parse_error("'a' b'b'"), "SyntaxError: cannot mix bytes and nonbytes literals @1:1");
    ck_assert_str_eq(parse_error("x = (1]"),
                     "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7");
}
END_TEST

START_TEST(test_no_crash_on_garbage) {
    static const char *const bad[] = {
        "(", ")", "[}", "f'{", "f'{x!}'", "'''", "\\", "x = \\ 1", "0x", "1e", "0b2", "\xff\xfe",
        "def", "def f(", "def f(*):", "lambda *:", "class", "@", "@x", "if", "for in", "a[", "a.",
        "async x", "import", "from", "from . import", "del", "x ==== y", "f'{x:{y:{z}}}'", "\t\n \tx",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_str_ne(parse_error(bad[i]), "OK");
    }
    /* deep nesting fails cleanly */
    static char deep[100001];
    memset(deep, '-', 100000);
    deep[99999] = '1';
    ck_assert_str_ne(parse_error(deep), "OK");
    memset(deep, '(', 1000);
    deep[1000] = 0;
    ck_assert_str_ne(parse_error(deep), "OK");
}
END_TEST

START_TEST(test_needs_more) {
    ck_assert(px_parse_needs_more("if x:\n", 6));
    ck_assert(px_parse_needs_more("x = (1,\n", 8));
    ck_assert(px_parse_needs_more("s = '''abc\n", 11));
    ck_assert(px_parse_needs_more("if x:\n  y\n", 10));
    ck_assert(!px_parse_needs_more("if x:\n  y\n\n", 11));
    ck_assert(!px_parse_needs_more("x = 1\n", 6));
    ck_assert(px_parse_needs_more("@dec\n", 5));
}
END_TEST

static Suite *lexer_suite(void) {
    Suite *s = suite_create("frontend");
    TCase *tc = tcase_create("lexer");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_tokens_basic);
    tcase_add_test(tc, test_tokens_lines);
    tcase_add_test(tc, test_tokens_literals);
    tcase_add_test(tc, test_parse_dump);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_no_crash_on_garbage);
    tcase_add_test(tc, test_needs_more);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    stack_top = __builtin_frame_address(0);
    return px_check_run(lexer_suite(), false);
}
