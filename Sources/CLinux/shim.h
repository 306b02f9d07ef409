/* Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc
   module is built without. Empty elsewhere: callers check os(Linux). */
#ifdef __linux__
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>

/* Starts writeback of a file range without waiting for it (SYNC_FILE_RANGE_WRITE). */
static inline int CLinux_startWriteback(int fd, off_t offset, off_t length) {
    return sync_file_range(fd, offset, length, SYNC_FILE_RANGE_WRITE);
}

static inline int CLinux_setPipeSize(int fd, int size) { return fcntl(fd, F_SETPIPE_SZ, size); }

static inline int CLinux_pipeSize(int fd) { return fcntl(fd, F_GETPIPE_SZ); }

/* rename(2) that fails with EEXIST rather than replace `to`; EINVAL where the
   file system cannot do it atomically. */
static inline int CLinux_renameNoReplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}
#endif
