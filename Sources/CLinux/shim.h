/* Linux calls that glibc declares only under _GNU_SOURCE, which Swift's Glibc
   module is built without. Empty elsewhere: callers check os(Linux). */
#ifdef __linux__
#define _GNU_SOURCE
#include <fcntl.h>

/* Starts writeback of a file range without waiting for it (SYNC_FILE_RANGE_WRITE). */
static inline int CLinux_startWriteback(int fd, off_t offset, off_t length) {
    return sync_file_range(fd, offset, length, SYNC_FILE_RANGE_WRITE);
}

static inline int CLinux_setPipeSize(int fd, int size) { return fcntl(fd, F_SETPIPE_SZ, size); }

static inline int CLinux_pipeSize(int fd) { return fcntl(fd, F_GETPIPE_SZ); }
#endif
