#ifndef PGSCALPEL_LIBPQ_LOADER_H
#define PGSCALPEL_LIBPQ_LOADER_H

/// Loads libpq.so.5 if it is not loaded yet. Returns NULL once libpq is
/// usable, or the loader's reason (static text) when it is not; later calls
/// return the same answer.
///
/// The program does not link libpq: its 25 shared libraries (Kerberos, LDAP,
/// TLS) would cost about 9 ms at every start, which commands that only read
/// an archive never need. The PQ functions pgscalpel calls are defined by
/// this target and call into libpq once it is loaded.
const char *pgscalpel_load_libpq(void);

#endif
