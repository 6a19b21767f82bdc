/* VfsFat's file objects (vfs_fat.h): what VfsFat.open returns. A binary
 * file (io.FileIO) reads and writes bytes; a text file (io.TextIOWrapper)
 * UTF-8, with no newline translation (as on MicroPython's boards).
 *
 * Data goes through the file system's one-sector cache, which is written
 * back at the end of each write(), with the directory entry (size, first
 * cluster): the device holds what was written when write() returns, so a
 * file dropped without close() loses nothing (a finaliser could not call
 * the block device, which may be Python code). flush() and close() also
 * ask the device to sync (ioctl 3). */
#include <string.h>

#include "vfs.h"
#include "vfs_fat.h"

static const px_type px_type_fat_file;

typedef struct {
    px_obj base;
    px_val fsobj;
    px_val name;
    uint32_t dir, index;   /* where its short directory entry is */
    uint32_t first;        /* first cluster, 0 while empty */
    uint32_t in_entry;     /* the first cluster its directory entry names */
    uint32_t size, pos;
    uint32_t clus, clus_no; /* a cluster of the chain and its number in it (clus 0: none known) */
    bool readable, writable, append, text, closed, changed;
} fat_file;

static fat_file *file_of(px_val v) {
    return px_as_ptr(v);
}

static fat_fs *fs_of(fat_file *f) {
    fat_fs *fs = fat_of(f->fsobj);
    if (!fs->mounted) {
        px_raise_os_error(FAT_EBADF, "the file system of this file was unmounted");
    }
    fat_op_path(f->name);
    return fs;
}

static fat_file *open_file(px_val v) {
    fat_file *f = file_of(v);
    if (f->closed) {
        px_raise_value_error("I/O operation on closed file");
    }
    return f;
}

/* The k-th cluster of the file's chain (counting from 0); with `grow`,
 * clusters are added up to it, else 0 when the chain is shorter. */
static uint32_t nth_cluster(fat_fs *fs, fat_file *f, uint32_t k, bool grow) {
    if (f->first == 0) {
        if (!grow) {
            return 0;
        }
        f->first = fat_alloc(fs, 0, false);
        f->changed = true;
    }
    if (f->clus == 0 || f->clus_no > k) {
        f->clus = f->first;
        f->clus_no = 0;
    }
    while (f->clus_no < k) {
        uint32_t next = fat_next(fs, f->clus);
        if (next == 0) {
            if (!grow) {
                return 0;
            }
            next = fat_alloc(fs, f->clus, false);
        }
        f->clus = next;
        f->clus_no++;
    }
    return f->clus;
}

/* The sector holding byte `pos` of the file, and the offset in it. */
static uint32_t sector_of(fat_fs *fs, fat_file *f, uint32_t pos, bool grow, uint32_t *off) {
    uint32_t cb = fat_cluster_bytes(fs);
    uint32_t c = nth_cluster(fs, f, pos / cb, grow);
    if (c == 0) {
        fat_raise(FAT_EIO); /* the chain is shorter than the size says */
    }
    *off = pos % fs->ss;
    return fat_cluster_sector(fs, c) + (pos % cb) / fs->ss;
}

/* Up to n bytes from the position on into out (a strbuf), or into the
 * writable buffer of `target` at `at` when target is not PX_NULL (its
 * storage is looked up after each device call, which may be Python code
 * that resized it). The count. */
static size_t read_bytes(fat_file *f, size_t n, px_strbuf *out, px_val target, size_t at) {
    fat_fs *fs = fs_of(f);
    size_t left = f->pos < f->size ? f->size - f->pos : 0, done = 0;
    if (n > left) {
        n = left;
    }
    while (done < n) {
        uint32_t off;
        uint32_t sec = sector_of(fs, f, f->pos, false, &off);
        size_t chunk = fs->ss - off < n - done ? fs->ss - off : n - done;
        const uint8_t *src = fat_sector(fs, sec, false) + off;
        if (target == PX_NULL) {
            px_strbuf_add(out, (const char *)src, chunk);
        } else {
            px_buffer b;
            px_get_buffer(target, &b, PX_BUF_WRITE);
            if (b.len < at + done + chunk) {
                px_raise_value_error("the buffer shrank while it was being filled");
            }
            memcpy((uint8_t *)b.data + at + done, src, chunk);
        }
        f->pos += (uint32_t)chunk;
        done += chunk;
    }
    return done;
}

static void write_bytes(fat_file *f, const uint8_t *data, size_t n) {
    fat_fs *fs = fs_of(f);
    if (f->append) {
        f->pos = f->size;
    }
    if ((uint64_t)f->pos + n > 0xFFFFFFFFu) {
        fat_raise(FAT_EFBIG);
    }
    static const uint8_t zeros[64];
    while (f->pos > f->size) { /* a seek past the end: the gap reads as zeros */
        uint32_t gap = f->pos - f->size, was = f->pos;
        f->pos = f->size;
        write_bytes(f, zeros, gap < sizeof zeros ? gap : sizeof zeros);
        f->pos = was;
    }
    for (size_t done = 0; done < n;) {
        uint32_t off;
        uint32_t sec = sector_of(fs, f, f->pos, true, &off);
        size_t chunk = fs->ss - off < n - done ? fs->ss - off : n - done;
        /* nothing of the file in this sector beyond what is written: no read */
        bool fresh = off == 0 && (chunk == fs->ss || f->pos >= f->size);
        memcpy(fat_sector(fs, sec, fresh) + off, data + done, chunk);
        fat_mark_dirty(fs);
        f->pos += (uint32_t)chunk;
        done += chunk;
        if (f->pos > f->size) {
            f->size = f->pos;
            f->changed = true;
        }
    }
}

/* The directory entry brought up to date (size, first cluster, time),
 * unless it no longer is this file's (removed or renamed while open),
 * and the cache written back. */
static void update_entry(fat_file *f) {
    fat_fs *fs = fs_of(f);
    if (f->changed) {
        uint8_t e[FAT_ENTRY_SIZE];
        if (fat_dir_read(fs, f->dir, f->index, e) && e[0] != 0 && e[0] != 0xE5 && !fat_item_is_dir(e) &&
            (e[11] & 0x3F) != FAT_ATTR_LFN) {
            if (fat_item_cluster(fs, e) == f->in_entry) {
                fat_wr16(e + 26, f->first);
                fat_wr16(e + 20, f->first >> 16);
                fat_wr32(e + 28, f->size);
                e[11] |= FAT_ATTR_ARCHIVE;
                fat_now(e + 22, e + 24);
                fat_dir_write(fs, f->dir, f->index, e);
                f->in_entry = f->first;
            }
        }
        f->changed = false;
    }
    fat_flush(fs);
}

/* ---- opening */

px_val fat_file_open(px_val fsobj, px_val path, px_val mode) {
    fat_fs *fs = fat_of(fsobj);
    size_t ml;
    const char *m = px_is_str(mode) ? px_str_data(mode, &ml) : NULL;
    if (m == NULL) {
        px_raise_type_error("open() mode must be str, not %s", px_type_name(mode));
    }
    char kind = 0;
    bool plus = false, binary = false, text = false;
    for (size_t i = 0; i < ml; i++) {
        char c = m[i];
        if (strchr("rwax", c) != NULL && kind == 0) {
            kind = c;
        } else if (c == '+' && !plus) {
            plus = true;
        } else if (c == 'b' && !binary && !text) {
            binary = true;
        } else if (c == 't' && !binary && !text) {
            text = true;
        } else {
            px_raise_value_error("invalid mode: '%.*s'", (int)ml, m);
        }
    }
    if (kind == 0) {
        px_raise_value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    }
    fat_op_path(path);
    fat_path p;
    fat_resolve(fs, path, &p);
    if (p.name_len == 0 || (p.found && fat_item_is_dir(p.item.e))) {
        fat_raise(FAT_EISDIR);
    }
    bool writes = kind != 'r' || plus;
    if (writes && fs->readonly) {
        fat_raise(FAT_EROFS);
    }
    fat_file *f = px_gc_alloc(sizeof *f, 0);
    f->base.type = binary ? &px_type_fat_fileio : &px_type_fat_textio;
    f->fsobj = fsobj;
    f->name = path;
    f->readable = kind == 'r' || plus;
    f->writable = writes;
    f->append = kind == 'a';
    f->text = !binary;
    f->dir = p.dir;
    if (!p.found) {
        if (kind == 'r') {
            fat_raise(FAT_ENOENT);
        }
        f->index = fat_dir_add(fs, p.dir, p.name, p.name_len, FAT_ATTR_ARCHIVE, 0, 0);
        fat_flush(fs);
        return px_from_ptr(f);
    }
    if (kind == 'x') {
        fat_raise(FAT_EEXIST);
    }
    if (writes && (p.item.e[11] & FAT_ATTR_RO)) {
        fat_raise(13); /* EACCES: the read-only attribute */
    }
    f->index = p.item.index;
    f->first = f->in_entry = fat_item_cluster(fs, p.item.e);
    f->size = fat_rd32(p.item.e + 28);
    if (f->first != 0 && !fat_valid_cluster(fs, f->first)) {
        fat_raise(FAT_EIO);
    }
    if (f->first == 0) {
        f->size = 0; /* no cluster: nothing to read, whatever the entry says */
    }
    if ((uint64_t)f->size > (uint64_t)fs->nclusters * fat_cluster_bytes(fs)) {
        fat_raise(FAT_EIO); /* larger than the disk: a damaged entry */
    }
    if (kind == 'w') {
        fat_free_chain(fs, f->first);
        f->first = 0;
        f->size = 0;
        f->changed = true;
        update_entry(f);
    }
    return px_from_ptr(f);
}

char *fat_file_read_all(px_val v, size_t *len) {
    if (!px_is_type(v, &px_type_fat_textio) && !px_is_type(v, &px_type_fat_fileio)) {
        return NULL;
    }
    fat_file *f = open_file(v);
    px_strbuf b;
    px_strbuf_init(&b, f->size + 1);
    read_bytes(f, f->size, &b, PX_NULL, 0);
    *len = b.len;
    px_strbuf_add_char(&b, '\0');
    return b.data;
}

/* ---- reading */

static void check_readable(fat_file *f) {
    if (!f->readable) {
        px_raise_os_error(FAT_EBADF, "file not open for reading");
    }
}

static px_val finish(fat_file *f, px_strbuf *b) {
    if (!f->text) {
        return px_strbuf_to_bytes(b);
    }
    if (!px_utf8_valid(b->data, b->len)) {
        px_raise_msg(&px_type_UnicodeError, "the file is not valid UTF-8");
    }
    return px_strbuf_to_str(b);
}

/* read(size=-1): bytes, or in text mode `size` characters. */
static px_val file_read(size_t argc, const px_val *argv) {
    fat_file *f = open_file(argv[0]);
    check_readable(f);
    px_int n = argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1;
    px_strbuf b;
    if (n < 0) {
        px_strbuf_init(&b, f->pos < f->size ? f->size - f->pos : 0);
        read_bytes(f, f->size, &b, PX_NULL, 0);
        return finish(f, &b);
    }
    px_strbuf_init(&b, (size_t)n);
    if (!f->text) {
        read_bytes(f, (size_t)n, &b, PX_NULL, 0);
        return finish(f, &b);
    }
    /* n characters: n bytes at most hold n; each lead byte read is one,
     * and a character cut at the end is completed */
    for (px_int chars = 0; chars < n;) {
        size_t from = b.len;
        if (read_bytes(f, (size_t)(n - chars), &b, PX_NULL, 0) == 0) {
            break;
        }
        int need = 0;
        for (size_t i = from; i < b.len; i++) {
            uint8_t c = (uint8_t)b.data[i];
            if ((c & 0xC0) != 0x80) {
                chars++;
                need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
            } else if (need > 0) {
                need--;
            }
        }
        if (need > 0) {
            read_bytes(f, (size_t)need, &b, PX_NULL, 0);
        }
    }
    return finish(f, &b);
}

static px_val read_line(fat_file *f, px_int max) {
    px_strbuf b;
    px_strbuf_init(&b, 64);
    while (max < 0 || (px_int)b.len < max) {
        if (read_bytes(f, 1, &b, PX_NULL, 0) == 0 || b.data[b.len - 1] == '\n') {
            break;
        }
    }
    return finish(f, &b);
}

static px_val file_readline(size_t argc, const px_val *argv) {
    fat_file *f = open_file(argv[0]);
    check_readable(f);
    return read_line(f, argc > 1 && argv[1] != PX_NONE ? px_index(argv[1]) : -1);
}

static px_val file_readlines(px_val self) {
    fat_file *f = open_file(self);
    check_readable(f);
    px_val list = px_list_new(0, NULL);
    for (;;) {
        px_val line = read_line(f, -1);
        if (px_truthy(line) == false) {
            return list;
        }
        px_list_append(list, line);
    }
}

static px_val file_next(px_val self) {
    fat_file *f = open_file(self);
    check_readable(f);
    px_val line = read_line(f, -1);
    return px_truthy(line) ? line : PX_NULL;
}

static px_val file_iter(px_val self) {
    open_file(self);
    return self;
}

/* readinto(buf[, nbytes]): the count read into buf. */
static px_val file_readinto(size_t argc, const px_val *argv) {
    fat_file *f = open_file(argv[0]);
    check_readable(f);
    px_buffer b;
    px_get_buffer(argv[1], &b, PX_BUF_WRITE);
    size_t n = b.len;
    if (argc > 2) {
        px_int k = px_index(argv[2]);
        if (k >= 0 && (size_t)k < n) {
            n = (size_t)k;
        }
    }
    return px_small((px_int)read_bytes(f, n, NULL, argv[1], 0));
}

/* ---- writing */

/* write(data[, len]) */
static px_val file_write(size_t argc, const px_val *argv) {
    fat_file *f = open_file(argv[0]);
    px_val data = argv[1];
    if (!f->writable) {
        px_raise_os_error(FAT_EBADF, "file not open for writing");
    }
    px_buffer b;
    size_t count;
    if (f->text) {
        px_stream_text_write_arg(argc);
        if (!px_is_str(data)) {
            px_raise_type_error("write() argument must be str, not %s", px_type_name(data));
        }
        size_t n;
        b.data = (void *)px_str_data(data, &n);
        b.len = n;
        b.readonly = true;
        const char *s = b.data;
        count = 0;
        for (size_t i = 0; i < n; i++) {
            count += ((uint8_t)s[i] & 0xC0) != 0x80;
        }
    } else {
        px_stream_write_arg(argc, argv, &b);
        count = b.len;
        if (!b.readonly) { /* a copy: the device (maybe Python) must not see it change */
            void *copy = px_gc_alloc(b.len ? b.len : 1, PX_GC_LEAF);
            memcpy(copy, b.data, b.len);
            b.data = copy;
        }
    }
    write_bytes(f, b.data, b.len);
    update_entry(f);
    return px_small((px_int)count);
}

static px_val file_flush(px_val self) {
    fat_file *f = open_file(self);
    if (f->writable) {
        update_entry(f);
        fat_sync(fs_of(f));
    }
    return PX_NONE;
}

static px_val file_close(px_val self) {
    fat_file *f = file_of(self);
    if (f->closed) {
        return PX_NONE;
    }
    f->closed = true; /* closed even when writing the entry fails */
    if (f->writable && fat_of(f->fsobj)->mounted) {
        update_entry(f);
        fat_sync(fs_of(f));
    }
    return PX_NONE;
}

/* seek(offset, whence=0): 0 from the start, 1 from here, 2 from the end. */
static px_val file_seek(size_t argc, const px_val *argv) {
    fat_file *f = open_file(argv[0]);
    px_int off = px_index(argv[1]), whence = argc > 2 ? px_index(argv[2]) : 0;
    int64_t base = whence == 0 ? 0 : whence == 1 ? (int64_t)f->pos : whence == 2 ? (int64_t)f->size : -1;
    if (base < 0) {
        px_raise_value_error("invalid whence (%ld, should be 0, 1 or 2)", (long)whence);
    }
    int64_t to = base + (int64_t)off;
    if (to < 0) {
        to = 0; /* MicroPython's files stop at the start */
    }
    if (to > 0xFFFFFFFF) {
        px_raise_os_error(FAT_EFBIG, NULL);
    }
    f->pos = (uint32_t)to;
    return px_int_from_u64(f->pos);
}

static px_val file_tell(px_val self) {
    return px_int_from_u64(open_file(self)->pos);
}

static px_val file_enter(px_val self) {
    open_file(self);
    return self;
}

static px_val file_exit(size_t argc, const px_val *argv) {
    (void)argc;
    return file_close(argv[0]);
}

static px_val file_readable(px_val self) {
    return px_bool(open_file(self)->readable);
}

static px_val file_writable(px_val self) {
    return px_bool(open_file(self)->writable);
}

static px_val file_getattr(px_val self, px_qid name) {
    fat_file *f = file_of(self);
    if (name == PX_Q(closed)) {
        return px_bool(f->closed);
    }
    if (name == PX_Q(name)) {
        return f->name;
    }
    return PX_NULL;
}

static void file_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    fat_file *f = file_of(self);
    px_write_cstr(out, f->text ? "<io.TextIOWrapper name=" : "<io.FileIO name=");
    px_print(out, f->name, PX_PRINT_REPR);
    px_write_cstr(out, ">");
}

/* ---- the stream protocol (print(file=), the io functions) */

static long stream_read(px_val self, void *buf, size_t n, int *err) {
    fat_file *f = file_of(self);
    if (f->closed || !f->readable) {
        *err = FAT_EBADF;
        return -1;
    }
    px_strbuf b;
    px_strbuf_init(&b, n);
    size_t got = read_bytes(f, n, &b, PX_NULL, 0);
    memcpy(buf, b.data, got);
    return (long)got;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    fat_file *f = file_of(self);
    if (f->closed || !f->writable) {
        *err = FAT_EBADF;
        return -1;
    }
    void *copy = px_gc_alloc(n ? n : 1, PX_GC_LEAF);
    memcpy(copy, buf, n);
    write_bytes(f, copy, n);
    update_entry(f);
    return (long)n;
}

/* select.poll: a file on a block device never waits, so it is ready for
 * what it was opened for (as on Linux, where a regular file always polls
 * ready); a closed file is POLLNVAL. */
static unsigned stream_ready(px_val self, unsigned events) {
    const fat_file *f = file_of(self);
    if (f->closed) {
        return PX_POLL_NVAL;
    }
    return events & ((f->readable ? PX_POLL_IN : 0u) | (f->writable ? PX_POLL_OUT : 0u));
}

static const px_stream_proto file_stream = {stream_read, stream_write, NULL, stream_ready};

static PX_METH1(m_close, &px_type_fat_file, close, file_close);
static PX_METH1(m_enter, &px_type_fat_file, __enter__, file_enter);
static PX_METHV(m_exit, &px_type_fat_file, __exit__, 1, 4, file_exit);
static PX_METH1(m_flush, &px_type_fat_file, flush, file_flush);
static PX_METHV(m_read, &px_type_fat_file, read, 1, 2, file_read);
static PX_METH1(m_readable, &px_type_fat_file, readable, file_readable);
static PX_METHV(m_readinto, &px_type_fat_file, readinto, 2, 3, file_readinto);
static PX_METHV(m_readline, &px_type_fat_file, readline, 1, 2, file_readline);
static PX_METH1(m_readlines, &px_type_fat_file, readlines, file_readlines);
static PX_METHV(m_seek, &px_type_fat_file, seek, 2, 3, file_seek);
static PX_METH1(m_tell, &px_type_fat_file, tell, file_tell);
static PX_METH1(m_writable, &px_type_fat_file, writable, file_writable);
static PX_METHV(m_write, &px_type_fat_file, write, 2, 3, file_write);

/* Sorted by name bytes. */
static const px_map_entry file_methods[] = {
    PX_ENTRY_OBJ(__enter__, &m_enter),   PX_ENTRY_OBJ(__exit__, &m_exit),     PX_ENTRY_OBJ(close, &m_close),
    PX_ENTRY_OBJ(flush, &m_flush),       PX_ENTRY_OBJ(read, &m_read),         PX_ENTRY_OBJ(readable, &m_readable),
    PX_ENTRY_OBJ(readinto, &m_readinto), PX_ENTRY_OBJ(readline, &m_readline), PX_ENTRY_OBJ(readlines, &m_readlines),
    PX_ENTRY_OBJ(seek, &m_seek),         PX_ENTRY_OBJ(tell, &m_tell),         PX_ENTRY_OBJ(writable, &m_writable),
    PX_ENTRY_OBJ(write, &m_write),
};
static PX_CONST_MAP(file_dict, file_methods);

/* the base of both kinds, holding the methods (their owner) */
static const px_type px_type_fat_file = {
    .base = {&px_type_type},
    .name = PX_Q(IOBase),
    .base_type = &px_type_object,
    .dict = &file_dict,
};

#define FAT_FILE_TYPE(c, qname)                                                                                        \
    const px_type c = {                                                                                                \
        .base = {&px_type_type},                                                                                       \
        .name = PX_Q(qname),                                                                                           \
        .flags = PX_TF_ITERATOR,                                                                                       \
        .base_type = &px_type_fat_file,                                                                                \
        .getattr = file_getattr,                                                                                       \
        .print = file_print,                                                                                           \
        .iter = file_iter,                                                                                             \
        .next = file_next,                                                                                             \
        .proto = &file_stream,                                                                                         \
    }
FAT_FILE_TYPE(px_type_fat_textio, TextIOWrapper);
FAT_FILE_TYPE(px_type_fat_fileio, FileIO);
