#include "CLibPQLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <postgresql/libpq-fe.h>

#ifdef __APPLE__
#define LIBPQ_FILE "libpq.5.dylib"
#else
#define LIBPQ_FILE "libpq.so.5"
#endif

/* Every libpq function pgscalpel calls: return type, name, parameters, and
   the arguments passed on; V marks those that return nothing. Each definition below must match its declaration
   in libpq-fe.h, or the compiler rejects it, so the stubs cannot drift from
   the header. */
#define LIBPQ_FUNCTIONS(X, V) \
    X(PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname), (keywords, values, expand_dbname)) \
    X(PGPing, PQpingParams, (const char *const *keywords, const char *const *values, int expand_dbname), (keywords, values, expand_dbname)) \
    X(PGPing, PQping, (const char *conninfo), (conninfo)) \
    X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg)) \
    V(void, PQconninfoFree, (PQconninfoOption *options), (options)) \
    V(void, PQfinish, (PGconn *conn), (conn)) \
    X(ConnStatusType, PQstatus, (const PGconn *conn), (conn)) \
    X(char *, PQerrorMessage, (const PGconn *conn), (conn)) \
    X(char *, PQdb, (const PGconn *conn), (conn)) \
    X(char *, PQuser, (const PGconn *conn), (conn)) \
    X(char *, PQhost, (const PGconn *conn), (conn)) \
    X(char *, PQport, (const PGconn *conn), (conn)) \
    X(int, PQserverVersion, (const PGconn *conn), (conn)) \
    X(const char *, PQparameterStatus, (const PGconn *conn, const char *name), (conn, name)) \
    X(int, PQlibVersion, (void), ()) \
    X(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query)) \
    X(PGresult *, PQexecParams, (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat)) \
    X(PGresult *, PQgetResult, (PGconn *conn), (conn)) \
    X(int, PQsendQuery, (PGconn *conn, const char *query), (conn, query)) \
    V(void, PQclear, (PGresult *res), (res)) \
    X(ExecStatusType, PQresultStatus, (const PGresult *res), (res)) \
    X(char *, PQresStatus, (ExecStatusType status), (status)) \
    X(char *, PQresultErrorMessage, (const PGresult *res), (res)) \
    X(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode)) \
    X(int, PQntuples, (const PGresult *res), (res)) \
    X(int, PQnfields, (const PGresult *res), (res)) \
    X(char *, PQfname, (const PGresult *res, int field), (res, field)) \
    X(char *, PQgetvalue, (const PGresult *res, int row, int field), (res, row, field)) \
    X(int, PQgetisnull, (const PGresult *res, int row, int field), (res, row, field)) \
    X(char *, PQcmdStatus, (PGresult *res), (res)) \
    X(char *, PQcmdTuples, (PGresult *res), (res)) \
    X(int, PQputCopyData, (PGconn *conn, const char *buffer, int nbytes), (conn, buffer, nbytes)) \
    X(int, PQputCopyEnd, (PGconn *conn, const char *errormsg), (conn, errormsg)) \
    X(int, PQgetCopyData, (PGconn *conn, char **buffer, int async), (conn, buffer, async)) \
    X(PGcancel *, PQgetCancel, (PGconn *conn), (conn)) \
    X(int, PQcancel, (PGcancel *cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize)) \
    V(void, PQfreeCancel, (PGcancel *cancel), (cancel)) \
    V(void, PQfreemem, (void *ptr), (ptr))

#define DECLARE_POINTER(ret, name, params, args) static __typeof__(&name) loaded_##name;
LIBPQ_FUNCTIONS(DECLARE_POINTER, DECLARE_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static const char *load_failure;
static char load_failure_text[512];

static void load(void) {
    void *library = dlopen(LIBPQ_FILE, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(load_failure_text, sizeof load_failure_text, "cannot load libpq: %s", dlerror());
        load_failure = load_failure_text;
        return;
    }
#define RESOLVE(ret, name, params, args) \
    if ((loaded_##name = (__typeof__(&name))dlsym(library, #name)) == NULL) { \
        snprintf(load_failure_text, sizeof load_failure_text, "libpq (%s) lacks %s", LIBPQ_FILE, #name); \
        load_failure = load_failure_text; \
        return; \
    }
    LIBPQ_FUNCTIONS(RESOLVE, RESOLVE)
}

const char *pgscalpel_load_libpq(void) {
    pthread_once(&load_once, load);
    return load_failure;
}

/* The Swift side calls pgscalpel_load_libpq before its first connection and
   reports a failure as an error; a stub reached without libpq loaded can only
   stop the program, as the dynamic loader would have at start. */
static void require_libpq(void) {
    const char *failure = pgscalpel_load_libpq();
    if (failure != NULL) {
        fprintf(stderr, "pgscalpel: %s\n", failure);
        exit(2);
    }
}

#define DEFINE_STUB(ret, name, params, args) \
    ret name params { require_libpq(); return loaded_##name args; }
#define DEFINE_VOID_STUB(ret, name, params, args) \
    ret name params { require_libpq(); loaded_##name args; }
LIBPQ_FUNCTIONS(DEFINE_STUB, DEFINE_VOID_STUB)
