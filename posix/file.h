/* File objects of the POSIX port: what open() returns. A text file
 * (io.TextIOWrapper) decodes UTF-8 and translates newlines; a binary file
 * (io.FileIO) reads and writes bytes. Both buffer reads and writes in user
 * space and implement the stream protocol (core/stream.h) on their
 * descriptor. */
#ifndef PX_POSIX_FILE_H
#define PX_POSIX_FILE_H

#include "runtime.h"

extern const px_type px_type_textio, px_type_fileio;

/* A file object around an open descriptor: `mode` as open() takes it
 * ("r", "wb", "r+", ...); `name` is what .name returns. The descriptor
 * is closed with the object when closefd is true. */
px_val px_file_from_fd(int fd, const char *mode, px_val name, bool closefd);
/* open(name, mode) of the host file host_path (VfsPosix.open). */
px_val px_file_open_host(const char *host_path, px_val name, px_val mode);

#endif
