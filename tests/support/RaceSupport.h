#pragma once

// Real threads started together, for the concurrency tests: each std::thread gets its own
// connection from Database::connection(), and a std::latch releases them all at once.

#include <latch>
#include <thread>
#include <vector>

namespace boxoffice::test {

// Runs `work(i)` on `n` threads that all start at once, and waits for them.
template <typename Work> void race(int n, Work work)
{
    std::latch start(n);
    std::vector<std::thread> threads;
    threads.reserve(n);
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&start, &work, i] {
            start.arrive_and_wait();
            work(i);
        });
    }
    for (std::thread& t : threads)
        t.join();
}

} // namespace boxoffice::test
