/* The interpreter's life on a board, from power-on or a soft reset to the
 * next soft reset: the REPL's board loop (src/repl/repl.h) calls start(),
 * which brings up a fresh interpreter on the static heap, sets sys.path,
 * mounts the board's file system and runs boot.py and main.py if it has
 * them.
 *
 * A soft reset starts the C run-time afresh (startup.c): every static
 * variable of the core and the modules is back at its initial value, so
 * nothing of the previous life can leak into the next. So start() returns
 * only the first time in each life; the second time (the REPL's loop
 * after a soft reset) it keeps the REPL's mode where the restart does not
 * clear it and restarts. */
#include <string.h>

#include "runtime.h"
#include "mcu.h"
#include "ramdisk.h"
#include "repl/repl.h"
#include "sys.h"
#include "vfs.h"
#include "vfs_fat.h"

/* The board's file system at "/", as MicroPython boards mount their flash
 * (docs/mcu.md): the FAT file system on the RAM disk, made afresh when
 * there is none (at power-on). Its current directory is "/". A failure is
 * printed and the board starts without files. */
static void mount_root(void) {
#ifdef BOARD_RAMDISK_SIZE
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val bdev = mcu_ramdisk();
        px_val fs = px_vfs_fat_detect(bdev);
        if (fs == PX_NULL) {
            px_call_method(PX_OBJ_CONST(&px_type_vfs_fat), PX_Q(mkfs), 1, &bdev);
            fs = px_vfs_fat_detect(bdev);
        }
        px_val args[2] = {fs, px_str("/", 1)};
        px_call(PX_OBJ_CONST(&px_vfs_mount_obj), 2, args, PX_NULL);
        px_try_pop(&j);
        return;
    }
    px_exc_print(&px_out_stderr, j.exc);
#endif
}

/* Run a start-up script in __main__ (so its names are the REPL's): the
 * file on the board's file system, else a frozen module of that name (a
 * board can freeze its main.py). An exception is printed and
 * the start goes on. */
static void run_script(const char *file, const char *module) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        if (px_port_stat(file) == PX_PATH_FILE) {
            px_run_main_file(file);
        } else {
            for (size_t i = 0; i < px_frozen_defs_count; i++) {
                const px_frozen_def *f = &px_frozen_defs[i];
                if (strcmp(f->name, module) == 0) {
                    px_run_main_frozen(f);
                    break;
                }
            }
        }
        px_try_pop(&j);
        return;
    }
    if (px_isinstance(j.exc, &px_type_SystemExit)) {
        return; /* sys.exit() in a start-up script ends the script */
    }
    px_exc_print(&px_out_stderr, j.exc);
}

static bool started;                      /* start() ran in this life */
static MCU_PERSIST volatile uint8_t next_raw; /* the REPL's mode after a soft reset: 1 + raw */

static void start(bool raw) {
    if (started) {
        next_raw = (uint8_t)(1 + raw);
        mcu_soft_reset();
    }
    started = true;
    px_init(BOARD_HEAP_SIZE, _estack);
    px_set_c_stack(_estack, (size_t)((char *)_estack - (char *)_sstack));
    /* the docs' sys.path of a board: the current directory, the frozen
     * modules, then /lib */
    px_list_append(px_st.path, px_qstr(PX_Q(empty)));
    px_list_append(px_st.path, px_str_cstr(PX_FROZEN_PATH));
    px_list_append(px_st.path, px_str_cstr("/lib"));
    mount_root();
    run_script("boot.py", "boot");
    if (!raw) {
        run_script("main.py", "main");
    }
}

void mcu_main(bool warm) {
    bool raw = warm && next_raw == 2;
    next_raw = 0;
    px_repl_board(start, raw);
}

/* ---- the REPL's other hooks: no storage for its history, the banner */

char *px_port_history_read(size_t *len) {
    (void)len;
    return NULL;
}

void px_port_history_write(const char *data, size_t len) {
    (void)data;
    (void)len;
}

const char *px_port_banner(void) {
    px_strbuf b;
    px_strbuf_init(&b, 128);
    px_out out = px_strbuf_out(&b);
    px_sys_print_banner(&out);
    px_strbuf_add_char(&b, '\0');
    return b.data;
}
