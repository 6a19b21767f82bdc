/* The VFS (vfs.h): the mount table, finding the mount of a path, and the
 * file functions of the os and vfs modules, which hand each call to the
 * file system object mounted there. */
#include <string.h>

#include "vfs.h"

/* errno values (Linux's, which MicroPython's errno module uses on every
 * port; the core includes no OS header) */
enum { E_PERM = 1, E_NOENT = 2, E_XDEV = 18, E_NODEV = 19, E_INVAL = 22 };

typedef struct {
    px_val fs;
    px_val point;    /* str: "" for "/", else "/name" without a trailing '/' */
    px_val readonly; /* as mounted (PX_TRUE, PX_FALSE): to mount it again */
} mount_entry;

static bool is_root_point(px_val point) {
    size_t n;
    px_str_data(point, &n);
    return n == 0;
}

/* A GC block of cap entries (a root), set up at the first use. */
static mount_entry *mounts;
static size_t nmounts, cap_mounts;
static bool set_up;
/* The mount holding the current directory, or -1: the root directory of
 * the VFS itself (nothing mounted at "/"). */
static long cur = -1;
/* What a soft reset returns to (reset_mounts): a copy of the table (a GC
 * block, a root) and `cur` taken when the REPL starts; before that (NULL),
 * the table as set up, the port's root (a root; PX_NULL if none) alone.
 * Nothing is allocated for it at set-up: a board resets by starting afresh
 * and its 64 KiB heap has no bytes to spare. */
static mount_entry *start_mounts;
static size_t nstart;
static long start_cur;
static px_val start_root = PX_NULL;

static void add_mount(px_val fs, px_val point, px_val readonly) {
    if (nmounts == cap_mounts) {
        size_t ncap = cap_mounts ? cap_mounts * 2 : 2;
        mounts = px_gc_realloc(mounts, ncap * sizeof(mount_entry), 0);
        cap_mounts = ncap;
    }
    mounts[nmounts++] = (mount_entry){fs, point, readonly};
}

static void mark_start(void) {
    start_mounts = px_gc_realloc(start_mounts, (nmounts ? nmounts : 1) * sizeof(mount_entry), 0);
    memcpy(start_mounts, mounts, nmounts * sizeof(mount_entry));
    nstart = nmounts;
    start_cur = cur;
}

static void reset_mounts(bool start);

static void set_up_mounts(void) {
    if (set_up) {
        return;
    }
    set_up = true;
    px_gc_add_root(&mounts, sizeof mounts);
    px_gc_add_root(&start_mounts, sizeof start_mounts);
    px_gc_add_root(&start_root, sizeof start_root);
    start_root = px_vfs_port_root();
    if (start_root != PX_NULL) {
        add_mount(start_root, px_qstr(PX_Q(empty)), PX_FALSE);
        cur = 0;
    }
    px_add_reset_hook(reset_mounts);
}

/* ---- paths */

static const char *path_data(px_val p, size_t *n) {
    return px_is_str(p) ? px_str_data(p, n) : (const char *)px_bytes_data(p, n);
}

/* A str or bytes like `like`, from bytes s[0..n). */
static px_val path_like(px_val like, const char *s, size_t n) {
    return px_is_str(like) ? px_str(s, n) : px_bytes(s, n);
}

px_val px_vfs_path(px_val path) {
    if (!px_is_str(path) && !px_is_bytes(path)) {
        px_val fspath = px_getattr_opt(path, PX_Q(__fspath__));
        if (fspath == PX_NULL) {
            px_raise_type_error("expected str, bytes or os.PathLike object, not %s", px_type_name(path));
        }
        px_val r = px_call0(fspath);
        if (!px_is_str(r) && !px_is_bytes(r)) {
            px_raise_type_error("expected %s.__fspath__() to return str or bytes, not %s", px_type_name(path),
                                px_type_name(r));
        }
        path = r;
    }
    size_t n;
    const char *s = path_data(path, &n);
    if (memchr(s, 0, n) != NULL) {
        px_raise_value_error("embedded null byte");
    }
    return path;
}

PX_NORETURN void px_vfs_raise(int err, px_val path, px_val path2) {
    px_val args[5] = {px_small(err), px_str_cstr(px_port_strerror(err)), path, PX_NONE, path2};
    px_raise(px_exc_new(&px_type_OSError, path == PX_NULL ? 2 : path2 == PX_NULL ? 3 : 5, args));
}

/* True if `path` names the VFS's own root directory: "/" (or "", "." in
 * it) while nothing is mounted at "/". */
static bool is_vfs_root(px_val path) {
    set_up_mounts();
    for (size_t i = 0; i < nmounts; i++) {
        if (is_root_point(mounts[i].point)) {
            return false;
        }
    }
    size_t n;
    const char *s = path_data(path, &n);
    if (n > 0 && s[0] == '/') {
        while (n > 0 && s[n - 1] == '/') {
            n--;
        }
        return n == 0;
    }
    return cur < 0 && (n == 0 || (n == 1 && s[0] == '.'));
}

/* The index of the mount serving path, and the path inside it. */
static size_t lookup(px_val path, px_val *sub) {
    set_up_mounts();
    size_t n;
    const char *s = path_data(path, &n);
    if (n == 0 || s[0] != '/') {
        if (cur >= 0) {
            *sub = path; /* relative: the current file system resolves it */
            return (size_t)cur;
        }
        /* in the VFS root directory: relative to "/" */
        px_strbuf b;
        px_strbuf_init(&b, n + 1);
        px_strbuf_add_char(&b, '/');
        px_strbuf_add(&b, s, n);
        path = path_like(path, b.data, b.len);
        s = path_data(path, &n);
    }
    long best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < nmounts; i++) {
        size_t pl;
        const char *p = px_str_data(mounts[i].point, &pl);
        bool match = pl == 0 || (n >= pl && memcmp(s, p, pl) == 0 && (n == pl || s[pl] == '/'));
        if (match && (best < 0 || pl > best_len)) {
            best = (long)i;
            best_len = pl;
        }
    }
    if (best < 0) {
        px_vfs_raise(E_NOENT, path, PX_NULL);
    }
    if (best_len == 0) {
        *sub = path;
    } else if (n == best_len) {
        *sub = path_like(path, "/", 1);
    } else {
        *sub = path_like(path, s + best_len, n - best_len);
    }
    return (size_t)best;
}

bool px_vfs_remounted(void) {
    return set_up && !(nmounts == 1 && is_root_point(mounts[0].point) && cur == 0);
}

px_val px_vfs_lookup(px_val path, px_val *sub) {
    size_t i = lookup(path, sub); /* (it may set up the table: read it after) */
    return mounts[i].fs;
}

/* The file system of mount i: fs.name(*args). An OSError naming a path
 * inside a file system mounted below "/" is made to name the program's
 * path (path, path2) instead. */
static px_val call_fs(size_t i, px_qid name, size_t argc, px_val *args, px_val path, px_val path2) {
    if (is_root_point(mounts[i].point)) {
        return px_call_method(mounts[i].fs, name, argc, args);
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_val r = px_call_method(mounts[i].fs, name, argc, args);
        px_try_pop(&j);
        return r;
    }
    if (px_isinstance(j.exc, &px_type_OSError) && px_getattr(j.exc, PX_Q(filename)) != PX_NONE) {
        px_setattr(j.exc, PX_Q(filename), path);
        if (path2 != PX_NULL) {
            px_setattr(j.exc, PX_Q(filename2), path2);
        }
    }
    px_raise(j.exc);
}

/* A mount point itself (not "/") is not removed or renamed: EINVAL, as
 * for the root of a FAT file system, which tools take for "a mount point"
 * (mpremote's rm -r skips it). It would otherwise reach the file system as
 * its own root, which a VfsPosix(root) would remove from the host. */
static void refuse_mount_point(size_t i, px_val sub, px_val path) {
    size_t n;
    const char *s = path_data(sub, &n);
    if (!is_root_point(mounts[i].point) && n == 1 && s[0] == '/') {
        px_vfs_raise(E_INVAL, path, PX_NULL);
    }
}

/* fs.name(path inside it) for the mount of `path`; mkdir, rmdir and remove
 * in the VFS's own root directory are EPERM (it holds only mount points). */
static px_val call_on_path(px_val path, px_qid name, bool removes) {
    path = px_vfs_path(path);
    if (is_vfs_root(path)) {
        px_vfs_raise(E_PERM, path, PX_NULL);
    }
    px_val sub;
    size_t i = lookup(path, &sub);
    if (removes) {
        refuse_mount_point(i, sub, path);
    }
    return call_fs(i, name, 1, &sub, path, PX_NULL);
}

bool px_vfs_utf8_name(px_val v) {
    size_t n, k = 0;
    const char *s = px_is_str(v) ? px_str_data(v, &n) : NULL;
    if (s == NULL || n > 8) {
        return false;
    }
    char low[8];
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '-' && c != '_') {
            low[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
    return k == 4 && memcmp(low, "utf8", 4) == 0;
}

/* ---- the os functions */

static px_val vfs_chdir(px_val path) {
    path = px_vfs_path(path);
    if (is_vfs_root(path)) {
        cur = -1;
        return PX_NONE;
    }
    px_val sub;
    size_t i = lookup(path, &sub);
    call_fs(i, PX_Q(chdir), 1, &sub, path, PX_NULL);
    cur = (long)i;
    return PX_NONE;
}

static px_val vfs_getcwd(void) {
    set_up_mounts();
    if (cur < 0) {
        return px_str("/", 1);
    }
    px_val cwd = px_call_method(mounts[cur].fs, PX_Q(getcwd), 0, NULL);
    size_t pl, cl;
    const char *p = px_str_data(mounts[cur].point, &pl);
    if (pl == 0 || !px_is_str(cwd)) {
        return cwd;
    }
    const char *c = px_str_data(cwd, &cl);
    if (cl == 1 && c[0] == '/') {
        return mounts[cur].point;
    }
    px_strbuf b;
    px_strbuf_init(&b, pl + cl);
    px_strbuf_add(&b, p, pl);
    px_strbuf_add(&b, c, cl);
    return px_strbuf_to_str(&b);
}

/* The VFS root's entries: the first component of each mount point, once. */
static px_val root_entries(px_val like) {
    px_val list = px_list_new(0, NULL);
    for (size_t i = 0; i < nmounts; i++) {
        size_t pl;
        const char *p = px_str_data(mounts[i].point, &pl);
        const char *slash = memchr(p + 1, '/', pl - 1);
        size_t nl = slash != NULL ? (size_t)(slash - p - 1) : pl - 1;
        px_val name = path_like(like, p + 1, nl);
        bool seen = false;
        size_t k;
        px_val *items = px_seq_items(list, &k);
        for (size_t j = 0; j < k && !seen; j++) {
            seen = px_equal(px_tuple_ptr(items[j])->items[0], name);
        }
        if (!seen) {
            px_val t[3] = {name, px_small(PX_VFS_IFDIR), px_small(0)};
            px_list_append(list, px_tuple_new(3, t));
        }
    }
    return list;
}

static px_val vfs_ilistdir(size_t argc, const px_val *argv) {
    px_val path = argc > 0 ? px_vfs_path(argv[0]) : px_qstr(PX_Q(empty));
    if (is_vfs_root(path)) {
        return px_iter(root_entries(path));
    }
    px_val sub;
    size_t i = lookup(path, &sub);
    return call_fs(i, PX_Q(ilistdir), 1, &sub, path, PX_NULL);
}

static px_val vfs_listdir(size_t argc, const px_val *argv) {
    px_val it = vfs_ilistdir(argc, argv);
    px_val list = px_list_new(0, NULL);
    for (px_val e = px_next(it); e != PX_NULL; e = px_next(it)) {
        px_list_append(list, px_subscr_load(e, px_small(0)));
    }
    return list;
}

static px_val vfs_mkdir(px_val path) {
    return call_on_path(path, PX_Q(mkdir), false);
}

static px_val vfs_rmdir(px_val path) {
    return call_on_path(path, PX_Q(rmdir), true);
}

static px_val vfs_remove(px_val path) {
    return call_on_path(path, PX_Q(remove), true);
}

static px_val vfs_rename(px_val old, px_val new_) {
    old = px_vfs_path(old);
    new_ = px_vfs_path(new_);
    px_val subs[2];
    size_t a = lookup(old, &subs[0]), b = lookup(new_, &subs[1]);
    if (a != b) {
        px_vfs_raise(E_XDEV, old, new_); /* no moving between file systems */
    }
    refuse_mount_point(a, subs[0], old);
    return call_fs(a, PX_Q(rename), 2, subs, old, new_);
}

static px_val zeros_tuple(px_int first) {
    px_val items[10];
    items[0] = px_small(first);
    for (int i = 1; i < 10; i++) {
        items[i] = px_small(0);
    }
    return px_tuple_new(10, items);
}

static px_val vfs_stat(px_val path) {
    path = px_vfs_path(path);
    if (is_vfs_root(path)) {
        return zeros_tuple(PX_VFS_IFDIR);
    }
    return call_on_path(path, PX_Q(stat), false);
}

static px_val vfs_statvfs(px_val path) {
    path = px_vfs_path(path);
    if (is_vfs_root(path)) {
        return zeros_tuple(0); /* the VFS root itself has no storage */
    }
    return call_on_path(path, PX_Q(statvfs), false);
}

/* ---- mount and umount */

/* "/sd/" -> "/sd", "/" -> "" (the key of the root mount). */
static px_val mount_point_arg(px_val v) {
    if (!px_is_str(v)) {
        px_raise_type_error("mount point must be str, not %s", px_type_name(v));
    }
    size_t n;
    const char *s = px_str_data(v, &n);
    if (n == 0 || s[0] != '/') {
        px_raise_value_error("mount point must be an absolute path, such as '/' or '/sd'");
    }
    while (n > 0 && s[n - 1] == '/') {
        n--;
    }
    return px_str(s, n);
}

static long find_point(px_val point) {
    for (size_t i = 0; i < nmounts; i++) {
        if (px_equal(mounts[i].point, point)) {
            return (long)i;
        }
    }
    return -1;
}

static px_val shown_point(px_val point) {
    return is_root_point(point) ? px_str("/", 1) : point;
}

/* mount(fsobj, mount_point, *, readonly=False, mkfs=False), or mount():
 * the list of (fsobj, mount_point). */
static px_val vfs_mount(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(fsobj), 0, PX_NULL},
        {PX_Q(mount_point), 0, PX_NULL},
        {PX_Q(readonly), PX_ARG_KWONLY, PX_FALSE},
        {PX_Q(mkfs), PX_ARG_KWONLY, PX_FALSE},
    };
    px_val a[4];
    px_parse_args(PX_Q(mount), argc, argv, kwnames, 4, spec, a);
    set_up_mounts();
    if (a[0] == PX_NULL) {
        px_val list = px_list_new(0, NULL);
        for (size_t i = 0; i < nmounts; i++) {
            px_val t[2] = {mounts[i].fs, shown_point(mounts[i].point)};
            px_list_append(list, px_tuple_new(2, t));
        }
        return list;
    }
    if (a[1] == PX_NULL) {
        px_raise_type_error("mount() missing required argument 'mount_point' (pos 2)");
    }
    px_val point = mount_point_arg(a[1]);
    if (find_point(point) >= 0) {
        px_vfs_raise(E_PERM, a[1], PX_NULL); /* already mounted there */
    }
    px_val fs = a[0];
    if (px_getattr_opt(fs, PX_Q(mount)) == PX_NULL) {
        /* a block device: the port may recognise a file system on it */
        fs = px_vfs_port_detect(fs);
        if (fs == PX_NULL) {
            px_vfs_raise(E_NODEV, a[1], PX_NULL);
        }
    }
    px_val args[2] = {px_bool(px_truthy(a[2])), px_bool(px_truthy(a[3]))};
    px_call_method(fs, PX_Q(mount), 2, args);
    add_mount(fs, point, args[0]);
    if (cur < 0 && is_root_point(point)) {
        cur = (long)nmounts - 1; /* the new root holds the current directory */
    }
    return PX_NONE;
}

/* umount(mount_point or fsobj) */
static px_val vfs_umount(px_val what) {
    set_up_mounts();
    long i = -1;
    if (px_is_str(what)) {
        size_t n;
        const char *s = px_str_data(what, &n);
        if (n > 0 && s[0] == '/') {
            i = find_point(mount_point_arg(what));
        }
    } else {
        for (size_t k = 0; k < nmounts && i < 0; k++) {
            if (mounts[k].fs == what) {
                i = (long)k;
            }
        }
    }
    if (i < 0) {
        px_vfs_raise(E_INVAL, what, PX_NULL);
    }
    px_val fs = mounts[i].fs;
    px_val um = px_getattr_opt(fs, PX_Q(umount));
    if (um != PX_NULL) {
        px_call0(um);
    }
    nmounts--;
    memmove(&mounts[i], &mounts[i + 1], (nmounts - (size_t)i) * sizeof(mount_entry));
    mounts[nmounts] = (mount_entry){PX_NULL, PX_NULL, PX_NULL};
    if (cur == i) {
        cur = -1;
    } else if (cur > i) {
        cur--;
    }
    return PX_NONE;
}

/* fs.name(*args), for the soft reset, which goes on whatever happens:
 * false if it raised (the error is dropped: on a board the objects are gone
 * after a reset anyway). */
static bool call_quietly(px_val fs, px_qid name, size_t argc, px_val *args) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        if (px_getattr_opt(fs, name) != PX_NULL) {
            px_call_method(fs, name, argc, args);
        }
        px_try_pop(&j);
        return true;
    }
    return false;
}

static bool in_table(const mount_entry *t, size_t n, mount_entry m) {
    for (size_t i = 0; i < n; i++) {
        if (t[i].fs == m.fs && px_equal(t[i].point, m.point)) {
            return true;
        }
    }
    return false;
}

/* The reset hook: mark the start state, or return to it, as a board's
 * reset does. What the program mounted since is unmounted (last first, so
 * a Python file system writes out what it holds); what it unmounted of
 * the start is mounted again; the current directory is in the mount that
 * held it at the start (a file system's own current directory, on Linux
 * the process's, stays where the program left it). */
static void reset_mounts(bool start) {
    if (start) {
        mark_start();
        return;
    }
    /* the start: as marked, or as set up (the REPL never started) */
    mount_entry set_up_root = {start_root, px_qstr(PX_Q(empty)), PX_FALSE};
    const mount_entry *st = start_mounts != NULL ? start_mounts : &set_up_root;
    size_t ns = start_mounts != NULL ? nstart : start_root != PX_NULL;
    long sc = start_mounts != NULL ? start_cur : ns ? 0 : -1;
    for (size_t i = nmounts; i-- > 0;) {
        /* (an umount in Python may have changed the table meanwhile) */
        if (i < nmounts && !in_table(st, ns, mounts[i])) {
            call_quietly(mounts[i].fs, PX_Q(umount), 0, NULL);
        }
    }
    if (cap_mounts == 0) {
        return; /* nothing was ever mounted */
    }
    mount_entry *now = mounts; /* (on the C stack: kept by the collector) */
    size_t nnow = nmounts;
    mounts = px_gc_alloc(cap_mounts * sizeof(mount_entry), 0); /* ns <= cap_mounts */
    nmounts = 0;
    long new_cur = -1;
    for (size_t i = 0; i < ns; i++) {
        mount_entry m = st[i];
        px_val args[2] = {m.readonly, PX_FALSE};
        if (in_table(now, nnow, m) || call_quietly(m.fs, PX_Q(mount), 2, args)) {
            if ((long)i == sc) {
                new_cur = (long)nmounts;
            }
            mounts[nmounts++] = m;
        }
    }
    cur = new_cur;
}

PX_FUNKW(px_vfs_mount_obj, mount, 0, 2, vfs_mount);
PX_FUN1(px_vfs_umount_obj, umount, vfs_umount);
PX_FUN1(px_vfs_chdir_obj, chdir, vfs_chdir);
PX_FUN0(px_vfs_getcwd_obj, getcwd, vfs_getcwd);
PX_FUNV(px_vfs_ilistdir_obj, ilistdir, 0, 1, vfs_ilistdir);
PX_FUNV(px_vfs_listdir_obj, listdir, 0, 1, vfs_listdir);
PX_FUN1(px_vfs_mkdir_obj, mkdir, vfs_mkdir);
PX_FUN1(px_vfs_remove_obj, remove, vfs_remove);
PX_FUN2(px_vfs_rename_obj, rename, vfs_rename);
PX_FUN1(px_vfs_rmdir_obj, rmdir, vfs_rmdir);
PX_FUN1(px_vfs_stat_obj, stat, vfs_stat);
PX_FUN1(px_vfs_statvfs_obj, statvfs, vfs_statvfs);
