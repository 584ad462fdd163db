#include "storage/SqliteSetup.h"

#include <sqlite3.h>

#include <pthread.h>

#include <array>
#include <mutex>
#include <new>

// SQLite leaves this type to the mutex implementation (sqlite3.h declares it incomplete).
struct sqlite3_mutex
{
    pthread_mutex_t m;
};

namespace boxoffice {

namespace {

// SQLITE_MUTEX_STATIC_MAIN (2) up to SQLITE_MUTEX_STATIC_VFS3 (13).
constexpr int kFirstStatic = SQLITE_MUTEX_STATIC_MAIN;
constexpr int kLastStatic = SQLITE_MUTEX_STATIC_VFS3;
std::array<sqlite3_mutex, kLastStatic - kFirstStatic + 1> g_static;

void initialise(sqlite3_mutex* mutex, bool recursive)
{
    pthread_mutexattr_t attributes;
    pthread_mutexattr_init(&attributes);
    pthread_mutexattr_settype(&attributes,
                              recursive ? PTHREAD_MUTEX_RECURSIVE : PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&mutex->m, &attributes);
    pthread_mutexattr_destroy(&attributes);
}

// SQLite calls this at every sqlite3_initialize() and sqlite3_mutex_alloc() of a static mutex,
// from any thread; only the first call may do anything (a static mutex may be held by then).
int mutexInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        for (sqlite3_mutex& m : g_static)
            initialise(&m, false);
    });
    return SQLITE_OK;
}

int mutexEnd()
{
    return SQLITE_OK;
}

sqlite3_mutex* mutexAlloc(int kind)
{
    if (kind >= kFirstStatic && kind <= kLastStatic)
        return &g_static[size_t(kind - kFirstStatic)];
    if (kind != SQLITE_MUTEX_FAST && kind != SQLITE_MUTEX_RECURSIVE)
        return nullptr;
    auto* mutex = new (std::nothrow) sqlite3_mutex; // not sqlite3_malloc: SQLite is initialising
    if (mutex)
        initialise(mutex, kind == SQLITE_MUTEX_RECURSIVE);
    return mutex;
}

void mutexFree(sqlite3_mutex* mutex)
{
    pthread_mutex_destroy(&mutex->m);
    delete mutex;
}

void mutexEnter(sqlite3_mutex* mutex)
{
    pthread_mutex_lock(&mutex->m);
}

int mutexTry(sqlite3_mutex* mutex)
{
    return pthread_mutex_trylock(&mutex->m) == 0 ? SQLITE_OK : SQLITE_BUSY;
}

void mutexLeave(sqlite3_mutex* mutex)
{
    pthread_mutex_unlock(&mutex->m);
}

// Only SQLite's debug builds ask; they may not be told "unknown" (0), so the answer is "yes".
int mutexHeld(sqlite3_mutex*)
{
    return 1;
}

int mutexNotHeld(sqlite3_mutex*)
{
    return 1;
}

const sqlite3_mutex_methods kMethods = {mutexInit, mutexEnd,   mutexAlloc, mutexFree,   mutexEnter,
                                        mutexTry,  mutexLeave, mutexHeld,  mutexNotHeld};

} // namespace

bool setUpSqliteOnce()
{
    static const bool applied = [] {
        if (sqlite3_threadsafe() == 0)
            return false;
        return sqlite3_config(SQLITE_CONFIG_MUTEX, &kMethods) == SQLITE_OK &&
               sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    return applied;
}

} // namespace boxoffice
