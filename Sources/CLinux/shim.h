/* Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc
   module is built without. Empty elsewhere: callers check os(Linux). */
#ifdef __linux__
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

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

/* A new file in `folder` with no name (O_TMPFILE): it vanishes with the last
   descriptor, so a crash or kill -9 leaves nothing behind until it is linked.
   EOPNOTSUPP (or EISDIR on old kernels) where the file system cannot. */
static inline int CLinux_openUnnamed(const char *folder, mode_t mode) {
    return open(folder, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
}

/* Gives the unnamed file open on `fd` the name `to`; EEXIST if `to` exists.
   Through /proc/self/fd, as open(2) describes: AT_EMPTY_PATH would need a
   capability pgscalpel does not have. */
static inline int CLinux_linkDescriptor(int fd, const char *to) {
    char path[32];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, path, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}
#endif
