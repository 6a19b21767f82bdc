/* Code emission for one code object (internal to the compiler): a growable
 * instruction buffer with LEB128 operands, labels with back-patched 3-byte
 * jump targets, de-duplicated constant and name tables, stack depth
 * tracking, the line table and the exception table. */
#ifndef PX_EMIT_H
#define PX_EMIT_H

#include "ast.h"
#include "bytecode.h"
#include "scope.h"

typedef struct {
    int32_t pos;   /* code offset, -1 until placed */
    int32_t depth; /* stack depth on arrival, -1 while unknown */
} px_label;

typedef struct {
    uint32_t start, end;
    int32_t handler; /* index into handlers */
} px_exc_run;

typedef struct {
    int32_t label;
    int32_t depth;
    bool used;
} px_handler;

typedef struct px_unit {
    struct px_unit *parent;
    px_scope *scope;
    const px_ast_mod *mod;
    /* The bytecode: the piece being written, code[0] at offset code_start;
     * the pieces before it (PX_CODE_PIECE bytes each, when the port sets
     * a piece size) are joined into one block of the exact size when the
     * code object is finished. */
    uint8_t *code;
    uint32_t len, cap;          /* bytes so far; offset where the current piece ends */
    uint32_t code_start;
    uint8_t **pieces;
    uint32_t npieces, pieces_cap;
    px_val *consts;
    uint32_t nconsts, consts_cap;
    px_qid *names;
    uint32_t nnames, names_cap;
    uint32_t *const_slots, *name_slots; /* hashed indexes (emit.c) */
    uint32_t const_slots_cap, name_slots_cap;
    px_label *labels;
    uint32_t nlabels, labels_cap;
    uint32_t *fixups; /* pairs (code offset, label) */
    uint32_t nfixups, fixups_cap;
    uint8_t *linetable;
    uint32_t linetable_len, linetable_cap;
    uint32_t line_off, line_no; /* last line table entry */
    uint32_t line;              /* line of the node being compiled */
    uint32_t firstlineno;
    px_handler *handlers;
    uint32_t nhandlers, handlers_cap;
    int32_t cur_handler;        /* -1: none */
    uint32_t run_start;
    px_exc_run *runs;
    uint32_t nruns, runs_cap;
    int32_t depth, maxdepth;
    bool dead;                  /* after an unconditional transfer: emit nothing */
    uint32_t ncaches;
    uint32_t *shared;           /* cache slots shared by (op, name) in huge code (emit.c) */
    uint32_t nshared, shared_cap;
    uint16_t flags;
    px_qid name;
    /* code generation state */
    struct px_fblock *fblocks;
    uint32_t nfblocks, fblocks_cap;
} px_unit;

void *px_emit_grow(void *p, uint32_t *cap, uint32_t need, size_t elsize, unsigned flags);

void px_emit_init(px_unit *u, const px_ast_mod *mod, px_scope *scope, uint32_t firstlineno);
void px_emit_op(px_unit *u, px_opcode op);
void px_emit_u(px_unit *u, px_opcode op, uint32_t arg);
void px_emit_uu(px_unit *u, px_opcode op, uint32_t a, uint32_t b);
void px_emit_s(px_unit *u, px_opcode op, int32_t arg);
void px_emit_jump(px_unit *u, px_opcode op, int label);
/* An instruction with a fresh inline cache slot as its second operand. */
void px_emit_cached(px_unit *u, px_opcode op, uint32_t a);

int px_label_new(px_unit *u);
void px_label_place(px_unit *u, int label);
/* Place handler h's label: the code there starts at its depth + 1 (the
 * exception). Stays unreachable if no instruction raises into h. */
void px_label_place_handler(px_unit *u, int h);

/* Exception handlers: instructions emitted from now on raise into `h`. */
int px_handler_new(px_unit *u, int label, int depth);
void px_handler_set(px_unit *u, int h);

uint32_t px_const_index(px_unit *u, px_val v);
uint32_t px_name_index(px_unit *u, px_qid name);
void px_emit_const(px_unit *u, px_val v);

px_code *px_emit_finish(px_unit *u);

#endif
