// Coverage feedback for libFuzzer from code compiled by g++ (only the long fuzz run links this).
//
// Why: clang 14 (Debian 12) cannot compile this project, because libstdc++ 12's <expected> needs
// __cpp_concepts >= 202002L, which clang 14 does not claim, so the project and the harness are
// compiled by g++ 12 with -fsanitize=address,undefined. g++ has no -fsanitize=fuzzer; its only
// control-flow coverage is -fsanitize-coverage=trace-pc (a call to __sanitizer_cov_trace_pc in
// every basic block), which libFuzzer 14 no longer accepts (it exits, "trace-pc is no longer
// supported"). So the link wraps that symbol (-Wl,--wrap=__sanitizer_cov_trace_pc) to the
// function below, which turns the calls into AFL-style edge hits (previous block ^ this block)
// in a table of 8-bit counters registered with libFuzzer like clang's inline-8bit-counters.
// libFuzzer 14 itself (libclang_rt.fuzzer from libclang-rt-14-dev) drives the run, and the
// comparisons g++ reports with -fsanitize-coverage=trace-cmp reach its own
// __sanitizer_cov_trace_cmp* hooks (floating-point ones, which it lacks, are ignored here).
//
// This file must not be compiled with -fsanitize-coverage (it would call itself).

#include <cstddef>
#include <cstdint>

namespace {

constexpr std::size_t kSlots = std::size_t(1) << 16;

alignas(4096) std::uint8_t counters[kSlots];

// libFuzzer wants one {pc, flags} entry per counter; there is no real PC per edge slot, so the
// entries are the slot numbers. "cov:" in its output therefore counts distinct edge slots hit.
struct PcEntry
{
    std::uintptr_t pc;
    std::uintptr_t flags;
};
alignas(4096) PcEntry pcs[kSlots];

thread_local std::uintptr_t previous = 0;

} // namespace

extern "C" {

void __sanitizer_cov_8bit_counters_init(std::uint8_t* start, std::uint8_t* stop);
void __sanitizer_cov_pcs_init(const std::uintptr_t* start, const std::uintptr_t* stop);

__attribute__((no_sanitize_address, no_sanitize_undefined)) void __wrap___sanitizer_cov_trace_pc()
{
    const auto pc = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    const std::uintptr_t here = (pc * 0x9E3779B97F4A7C15ull) >> 48; // 16 well-mixed bits
    counters[(here ^ previous) & (kSlots - 1)]++;
    previous = here >> 1;
}

void __sanitizer_cov_trace_cmpf(float, float) {}
void __sanitizer_cov_trace_cmpd(double, double) {}

} // extern "C"

namespace {

__attribute__((constructor)) void registerCounters()
{
    for (std::size_t i = 0; i < kSlots; ++i)
        pcs[i] = {0x10000 + i, 0};
    __sanitizer_cov_8bit_counters_init(counters, counters + kSlots);
    __sanitizer_cov_pcs_init(reinterpret_cast<const std::uintptr_t*>(pcs),
                             reinterpret_cast<const std::uintptr_t*>(pcs + kSlots));
}

} // namespace
