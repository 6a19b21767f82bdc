/* AST nodes: allocation, kind names, a debugging dump in the style of
 * Python's ast.dump(), and raising SyntaxError at a node. */
#include "ast.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "../runtime.h"
#include "lexer.h"

void px_ast_place(void *mem, px_ast_kind kind, uint32_t lineno, uint32_t col_offset) {
    px_ast_node *n = mem;
    n->kind = (uint8_t)kind;
    n->lineno = n->end_lineno = lineno;
    n->col_offset = n->end_col_offset = col_offset;
}

void *px_ast_new(size_t size, px_ast_kind kind, uint32_t lineno, uint32_t col_offset) {
    px_ast_node *n = px_gc_alloc(size, 0);
    px_ast_place(n, kind, lineno, col_offset);
    return n;
}

#define EXPR_SIZE(member) (offsetof(px_ast_expr, u) + sizeof(((px_ast_expr *)0)->u.member))
#define STMT_SIZE(member) (offsetof(px_ast_stmt, u) + sizeof(((px_ast_stmt *)0)->u.member))

size_t px_ast_expr_size(unsigned kind) {
    size_t n;
    switch ((px_ast_kind)kind) {
    case PX_AST_BoolOp: n = EXPR_SIZE(boolop); break;
    case PX_AST_NamedExpr: n = EXPR_SIZE(namedexpr); break;
    case PX_AST_BinOp: n = EXPR_SIZE(binop); break;
    case PX_AST_UnaryOp: n = EXPR_SIZE(unaryop); break;
    case PX_AST_Lambda: n = EXPR_SIZE(lambda); break;
    case PX_AST_IfExp: n = EXPR_SIZE(ifexp); break;
    case PX_AST_Dict: n = EXPR_SIZE(dict); break;
    case PX_AST_Set: case PX_AST_List: case PX_AST_Tuple: n = EXPR_SIZE(seq); break;
    case PX_AST_ListComp: case PX_AST_SetComp: case PX_AST_GeneratorExp: n = EXPR_SIZE(comp); break;
    case PX_AST_DictComp: n = EXPR_SIZE(dictcomp); break;
    case PX_AST_Await: case PX_AST_Yield: case PX_AST_YieldFrom: n = EXPR_SIZE(value); break;
    case PX_AST_Compare: n = EXPR_SIZE(compare); break;
    case PX_AST_Call: n = EXPR_SIZE(call); break;
    case PX_AST_FormattedValue: n = EXPR_SIZE(formatted); break;
    case PX_AST_JoinedStr: case PX_AST_TemplateStr: n = EXPR_SIZE(joined); break;
    case PX_AST_Interpolation: n = EXPR_SIZE(interp); break;
    case PX_AST_Constant: n = EXPR_SIZE(constant); break;
    case PX_AST_Attribute: n = EXPR_SIZE(attribute); break;
    case PX_AST_Subscript: n = EXPR_SIZE(subscript); break;
    case PX_AST_Starred: n = EXPR_SIZE(starred); break;
    case PX_AST_Name: n = EXPR_SIZE(name); break;
    case PX_AST_Slice: n = EXPR_SIZE(slice); break;
    default: n = sizeof(px_ast_expr); break;
    }
    /* Constant folding and const() turn expressions into Constants in place. */
    return n < EXPR_SIZE(constant) ? EXPR_SIZE(constant) : n;
}

size_t px_ast_stmt_size(unsigned kind) {
    switch ((px_ast_kind)kind) {
    case PX_AST_FunctionDef: case PX_AST_AsyncFunctionDef: return STMT_SIZE(funcdef);
    case PX_AST_ClassDef: return STMT_SIZE(classdef);
    case PX_AST_Return: return STMT_SIZE(ret);
    case PX_AST_Delete: return STMT_SIZE(del);
    case PX_AST_Assign: return STMT_SIZE(assign);
    case PX_AST_AugAssign: return STMT_SIZE(augassign);
    case PX_AST_AnnAssign: return STMT_SIZE(annassign);
    case PX_AST_For: case PX_AST_AsyncFor: return STMT_SIZE(forloop);
    case PX_AST_While: case PX_AST_If: return STMT_SIZE(cond);
    case PX_AST_With: case PX_AST_AsyncWith: return STMT_SIZE(with);
    case PX_AST_Raise: return STMT_SIZE(raise);
    case PX_AST_Try: return STMT_SIZE(try_);
    case PX_AST_Assert: return STMT_SIZE(assert_);
    case PX_AST_Import: return STMT_SIZE(import);
    case PX_AST_ImportFrom: return STMT_SIZE(importfrom);
    case PX_AST_Global: case PX_AST_Nonlocal: return STMT_SIZE(global);
    case PX_AST_Expr: return STMT_SIZE(expr);
    case PX_AST_Pass: case PX_AST_Break: case PX_AST_Continue: return offsetof(px_ast_stmt, u);
    default: return sizeof(px_ast_stmt);
    }
}

static const char *const kind_names[PX_AST__COUNT] = {
    "Module", "Interactive", "Expression",
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
    "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith", "Raise", "Try", "Assert",
    "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break", "Continue",
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp",
    "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom", "Compare", "Call",
    "FormattedValue", "JoinedStr", "TemplateStr", "Interpolation", "Constant", "Attribute",
    "Subscript", "Starred", "Name", "List", "Tuple", "Slice",
    "arguments", "arg", "keyword", "alias", "withitem", "ExceptHandler", "comprehension",
};

const char *px_ast_kind_name(unsigned kind) {
    return kind < PX_AST__COUNT ? kind_names[kind] : "?";
}

void(px_ast_error)(const px_ast_mod *mod, const void *node, const px_type *type, const char *fmt, ...) {
    char msg[256];
    PX_ERRTEXT_FMT(fmt);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const px_ast_node *n = node;
    px_syntax_error(type ? type : &px_type_SyntaxError, mod ? mod->filename : PX_QID_NONE,
                    mod ? mod->src : NULL, mod ? mod->src_len : 0, n ? n->lineno : 0,
                    n ? n->col_offset : 0, msg);
}

#if PX_HAS_COMPILER_DEBUG
/* ---- dump (compiler debugging only) */

static const char *const binop_names[] = {
    "Add", "Sub", "Mult", "MatMult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift",
    "BitAnd", "BitOr", "BitXor",
};

static const char *cmpop_name(unsigned op) {
    switch (op) {
    case PX_BINOP_LT: return "Lt";
    case PX_BINOP_LE: return "LtE";
    case PX_BINOP_EQ: return "Eq";
    case PX_BINOP_NE: return "NotEq";
    case PX_BINOP_GT: return "Gt";
    case PX_BINOP_GE: return "GtE";
    case PX_AST_CMP_IS: return "Is";
    case PX_AST_CMP_ISNOT: return "IsNot";
    case PX_AST_CMP_IN: return "In";
    case PX_AST_CMP_NOTIN: return "NotIn";
    default: return "?";
    }
}

static const char *unop_name(px_unop op) {
    switch (op) {
    case PX_UNOP_NEG: return "USub";
    case PX_UNOP_POS: return "UAdd";
    case PX_UNOP_INVERT: return "Invert";
    case PX_UNOP_NOT: return "Not";
    default: return "?";
    }
}

typedef struct {
    px_out *out;
    bool first; /* no field printed yet in the current node */
    bool positions;
} dumper;

static void dump_node(dumper *d, const void *node);

static void w(dumper *d, const char *s) {
    px_write_cstr(d->out, s);
}

static void field(dumper *d, const char *name) {
    if (!d->first) {
        w(d, ", ");
    }
    d->first = false;
    w(d, name);
    w(d, "=");
}

static void f_node(dumper *d, const char *name, const void *node) {
    if (node != NULL) {
        field(d, name);
        dump_node(d, node);
    }
}

static void f_list(dumper *d, const char *name, uint32_t len, void *const *items) {
    field(d, name);
    w(d, "[");
    for (uint32_t i = 0; i < len; i++) {
        if (i) {
            w(d, ", ");
        }
        if (items[i] == NULL) {
            w(d, "None");
        } else {
            dump_node(d, items[i]);
        }
    }
    w(d, "]");
}
#define F_LIST(d, name, l) f_list(d, name, (l).len, (void *const *)(l).items)

static void f_qid(dumper *d, const char *name, px_qid q) {
    if (q != PX_QID_NONE) {
        field(d, name);
        px_print(d->out, px_qstr(q), PX_PRINT_REPR);
    }
}

static void f_raw(dumper *d, const char *name, const char *text) {
    field(d, name);
    w(d, text);
}

static void f_int(dumper *d, const char *name, int v) {
    field(d, name);
    px_printf(d->out, "%d", v);
}

static void f_conv(dumper *d, int conversion) {
    field(d, "conversion");
    px_printf(d->out, "%d", conversion);
}

static void dump_node(dumper *d, const void *node) {
    const px_ast_node *n = node;
    w(d, px_ast_kind_name(n->kind));
    w(d, "(");
    bool saved = d->first;
    d->first = true;
    const px_ast_expr *e = node;
    const px_ast_stmt *s = node;
    switch ((px_ast_kind)n->kind) {
    case PX_AST_Module:
    case PX_AST_Interactive:
        F_LIST(d, "body", ((const px_ast_mod *)node)->body);
        break;
    case PX_AST_Expression:
        f_node(d, "body", ((const px_ast_mod *)node)->expr);
        break;
    case PX_AST_FunctionDef:
    case PX_AST_AsyncFunctionDef:
        f_qid(d, "name", s->u.funcdef.name);
        f_node(d, "args", s->u.funcdef.args);
        F_LIST(d, "body", s->u.funcdef.body);
        F_LIST(d, "decorator_list", s->u.funcdef.decorator_list);
        f_node(d, "returns", s->u.funcdef.returns);
        break;
    case PX_AST_ClassDef:
        f_qid(d, "name", s->u.classdef.name);
        F_LIST(d, "bases", s->u.classdef.bases);
        F_LIST(d, "keywords", s->u.classdef.keywords);
        F_LIST(d, "body", s->u.classdef.body);
        F_LIST(d, "decorator_list", s->u.classdef.decorator_list);
        break;
    case PX_AST_Return:
        f_node(d, "value", s->u.ret.value);
        break;
    case PX_AST_Delete:
        F_LIST(d, "targets", s->u.del.targets);
        break;
    case PX_AST_Assign:
        F_LIST(d, "targets", s->u.assign.targets);
        f_node(d, "value", s->u.assign.value);
        break;
    case PX_AST_AugAssign:
        f_node(d, "target", s->u.augassign.target);
        field(d, "op");
        w(d, s->u.augassign.op < 13 ? binop_names[s->u.augassign.op] : "?");
        w(d, "()");
        f_node(d, "value", s->u.augassign.value);
        break;
    case PX_AST_AnnAssign:
        f_node(d, "target", s->u.annassign.target);
        f_node(d, "annotation", s->u.annassign.annotation);
        f_node(d, "value", s->u.annassign.value);
        f_int(d, "simple", s->u.annassign.simple);
        break;
    case PX_AST_For:
    case PX_AST_AsyncFor:
        f_node(d, "target", s->u.forloop.target);
        f_node(d, "iter", s->u.forloop.iter);
        F_LIST(d, "body", s->u.forloop.body);
        F_LIST(d, "orelse", s->u.forloop.orelse);
        break;
    case PX_AST_While:
    case PX_AST_If:
        f_node(d, "test", s->u.cond.test);
        F_LIST(d, "body", s->u.cond.body);
        F_LIST(d, "orelse", s->u.cond.orelse);
        break;
    case PX_AST_With:
    case PX_AST_AsyncWith:
        F_LIST(d, "items", s->u.with.items);
        F_LIST(d, "body", s->u.with.body);
        break;
    case PX_AST_Raise:
        f_node(d, "exc", s->u.raise.exc);
        f_node(d, "cause", s->u.raise.cause);
        break;
    case PX_AST_Try:
        if (s->u.try_.star) {
            f_int(d, "star", 1);
        }
        F_LIST(d, "body", s->u.try_.body);
        F_LIST(d, "handlers", s->u.try_.handlers);
        F_LIST(d, "orelse", s->u.try_.orelse);
        F_LIST(d, "finalbody", s->u.try_.finalbody);
        break;
    case PX_AST_Assert:
        f_node(d, "test", s->u.assert_.test);
        f_node(d, "msg", s->u.assert_.msg);
        break;
    case PX_AST_Import:
        F_LIST(d, "names", s->u.import.names);
        break;
    case PX_AST_ImportFrom:
        f_qid(d, "module", s->u.importfrom.module);
        F_LIST(d, "names", s->u.importfrom.names);
        f_int(d, "level", s->u.importfrom.level);
        break;
    case PX_AST_Global:
    case PX_AST_Nonlocal:
        field(d, "names");
        w(d, "[");
        for (uint32_t i = 0; i < s->u.global.names.len; i++) {
            if (i) {
                w(d, ", ");
            }
            px_print(d->out, px_qstr(s->u.global.names.items[i]), PX_PRINT_REPR);
        }
        w(d, "]");
        break;
    case PX_AST_Expr:
        f_node(d, "value", s->u.expr.value);
        break;
    case PX_AST_Pass:
    case PX_AST_Break:
    case PX_AST_Continue:
        break;
    case PX_AST_BoolOp:
        f_raw(d, "op", e->u.boolop.op == PX_AST_AND ? "And()" : "Or()");
        F_LIST(d, "values", e->u.boolop.values);
        break;
    case PX_AST_NamedExpr:
        f_node(d, "target", e->u.namedexpr.target);
        f_node(d, "value", e->u.namedexpr.value);
        break;
    case PX_AST_BinOp:
        f_node(d, "left", e->u.binop.left);
        field(d, "op");
        w(d, e->u.binop.op < 13 ? binop_names[e->u.binop.op] : "?");
        w(d, "()");
        f_node(d, "right", e->u.binop.right);
        break;
    case PX_AST_UnaryOp:
        field(d, "op");
        w(d, unop_name(e->u.unaryop.op));
        w(d, "()");
        f_node(d, "operand", e->u.unaryop.operand);
        break;
    case PX_AST_Lambda:
        f_node(d, "args", e->u.lambda.args);
        f_node(d, "body", e->u.lambda.body);
        break;
    case PX_AST_IfExp:
        f_node(d, "test", e->u.ifexp.test);
        f_node(d, "body", e->u.ifexp.body);
        f_node(d, "orelse", e->u.ifexp.orelse);
        break;
    case PX_AST_Dict:
        F_LIST(d, "keys", e->u.dict.keys);
        F_LIST(d, "values", e->u.dict.values);
        break;
    case PX_AST_Set:
    case PX_AST_List:
    case PX_AST_Tuple:
        F_LIST(d, "elts", e->u.seq.elts);
        break;
    case PX_AST_ListComp:
    case PX_AST_SetComp:
    case PX_AST_GeneratorExp:
        f_node(d, "elt", e->u.comp.elt);
        F_LIST(d, "generators", e->u.comp.generators);
        break;
    case PX_AST_DictComp:
        f_node(d, "key", e->u.dictcomp.key);
        f_node(d, "value", e->u.dictcomp.value);
        F_LIST(d, "generators", e->u.dictcomp.generators);
        break;
    case PX_AST_Await:
    case PX_AST_Yield:
    case PX_AST_YieldFrom:
        f_node(d, "value", e->u.value.value);
        break;
    case PX_AST_Compare:
        f_node(d, "left", e->u.compare.left);
        field(d, "ops");
        w(d, "[");
        for (uint32_t i = 0; i < e->u.compare.comparators.len; i++) {
            if (i) {
                w(d, ", ");
            }
            w(d, cmpop_name(e->u.compare.ops[i]));
            w(d, "()");
        }
        w(d, "]");
        F_LIST(d, "comparators", e->u.compare.comparators);
        break;
    case PX_AST_Call:
        f_node(d, "func", e->u.call.func);
        F_LIST(d, "args", e->u.call.args);
        F_LIST(d, "keywords", e->u.call.keywords);
        break;
    case PX_AST_FormattedValue:
        f_node(d, "value", e->u.formatted.value);
        f_conv(d, e->u.formatted.conversion);
        f_node(d, "format_spec", e->u.formatted.format_spec);
        break;
    case PX_AST_JoinedStr:
    case PX_AST_TemplateStr:
        F_LIST(d, "values", e->u.joined.values);
        break;
    case PX_AST_Interpolation:
        f_node(d, "value", e->u.interp.value);
        field(d, "str");
        px_print(d->out, e->u.interp.str, PX_PRINT_REPR);
        f_conv(d, e->u.interp.conversion);
        f_node(d, "format_spec", e->u.interp.format_spec);
        break;
    case PX_AST_Constant:
        field(d, "value");
        if (e->u.constant.value == PX_NONE) {
            w(d, "None");
        } else if (e->u.constant.value == PX_ELLIPSIS) {
            w(d, "Ellipsis");
        } else {
            px_print(d->out, e->u.constant.value, PX_PRINT_REPR);
        }
        break;
    case PX_AST_Attribute:
        f_node(d, "value", e->u.attribute.value);
        f_qid(d, "attr", e->u.attribute.attr);
        break;
    case PX_AST_Subscript:
        f_node(d, "value", e->u.subscript.value);
        f_node(d, "slice", e->u.subscript.slice);
        break;
    case PX_AST_Starred:
        f_node(d, "value", e->u.starred.value);
        break;
    case PX_AST_Name:
        f_qid(d, "id", e->u.name.id);
        break;
    case PX_AST_Slice:
        f_node(d, "lower", e->u.slice.lower);
        f_node(d, "upper", e->u.slice.upper);
        f_node(d, "step", e->u.slice.step);
        break;
    case PX_AST_arguments: {
        const px_ast_arguments *a = node;
        F_LIST(d, "posonlyargs", a->posonlyargs);
        F_LIST(d, "args", a->args);
        f_node(d, "vararg", a->vararg);
        F_LIST(d, "kwonlyargs", a->kwonlyargs);
        F_LIST(d, "kw_defaults", a->kw_defaults);
        f_node(d, "kwarg", a->kwarg);
        F_LIST(d, "defaults", a->defaults);
        break;
    }
    case PX_AST_arg:
        f_qid(d, "arg", ((const px_ast_arg *)node)->arg);
        f_node(d, "annotation", ((const px_ast_arg *)node)->annotation);
        break;
    case PX_AST_keyword:
        f_qid(d, "arg", ((const px_ast_keyword *)node)->arg);
        f_node(d, "value", ((const px_ast_keyword *)node)->value);
        break;
    case PX_AST_alias:
        f_qid(d, "name", ((const px_ast_alias *)node)->name);
        f_qid(d, "asname", ((const px_ast_alias *)node)->asname);
        break;
    case PX_AST_withitem:
        f_node(d, "context_expr", ((const px_ast_withitem *)node)->context_expr);
        f_node(d, "optional_vars", ((const px_ast_withitem *)node)->optional_vars);
        break;
    case PX_AST_ExceptHandler: {
        const px_ast_excepthandler *h = node;
        f_node(d, "type", h->type);
        f_qid(d, "name", h->name);
        F_LIST(d, "body", h->body);
        break;
    }
    case PX_AST_comprehension: {
        const px_ast_comprehension *c = node;
        f_node(d, "target", c->target);
        f_node(d, "iter", c->iter);
        F_LIST(d, "ifs", c->ifs);
        f_int(d, "is_async", c->is_async);
        break;
    }
    default:
        break;
    }
    if (n->kind >= PX_AST_FIRST_EXPR && n->kind <= PX_AST_LAST_EXPR) {
        switch ((px_ast_kind)n->kind) {
        case PX_AST_Name:
        case PX_AST_Attribute:
        case PX_AST_Subscript:
        case PX_AST_Starred:
        case PX_AST_List:
        case PX_AST_Tuple:
            f_raw(d, "ctx", n->ctx == PX_AST_STORE ? "Store()" : n->ctx == PX_AST_DEL ? "Del()" : "Load()");
            break;
        default:
            break;
        }
    }
    if (d->positions) {
        switch ((px_ast_kind)n->kind) {
        case PX_AST_Module: case PX_AST_Interactive: case PX_AST_Expression: case PX_AST_arguments:
        case PX_AST_withitem: case PX_AST_comprehension:
            break;
        default:
            field(d, "lineno");
            px_printf(d->out, "%u", (unsigned)n->lineno);
            field(d, "col_offset");
            px_printf(d->out, "%u", (unsigned)n->col_offset);
            field(d, "end_lineno");
            px_printf(d->out, "%u", (unsigned)n->end_lineno);
            field(d, "end_col_offset");
            px_printf(d->out, "%u", (unsigned)n->end_col_offset);
            break;
        }
    }
    w(d, ")");
    d->first = saved;
}

void px_ast_dump_positions(px_out *out, const void *node) {
    dumper d = {out, true, true};
    if (node == NULL) {
        w(&d, "None");
        return;
    }
    dump_node(&d, node);
}

void px_ast_dump(px_out *out, const void *node) {
    dumper d = {out, true, false};
    if (node == NULL) {
        w(&d, "None");
        return;
    }
    dump_node(&d, node);
}

#endif /* PX_HAS_COMPILER_DEBUG */
