#pragma once

namespace boxoffice {

// Process-wide SQLite settings, applied once before the first SQLite connection opens (they
// cannot change once SQLite has initialised; later calls do nothing):
//   - its mutexes spin briefly before they sleep. SQLite's own pthread mutexes sleep at once,
//     and every read transaction takes the same few of them (the file's lock and its WAL
//     index are shared by all connections of a process): two threads polling at once spent
//     more time waking each other than reading. The critical sections are a few hundred
//     nanoseconds, so a short spin nearly always wins the lock without a system call;
//   - no memory statistics (each allocation would take one global mutex to count itself).
// Returns false if SQLite was already initialised (the settings then do not apply).
bool setUpSqliteOnce();

} // namespace boxoffice
