#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

// The bodies of the fuzz targets, shared by the libFuzzer binaries (clang, tests/fuzz/run-fuzzers.sh)
// and by tst_fuzz_regressions, which replays the seed corpus and every crash ever found on each build.
// Each feeds one input to the code under test and checks properties that must hold for any input; it
// returns an empty string when they all held, else the first one broken. The fuzzer traps on that, the
// regression test fails with it.
QString fuzzResponseParser(const uint8_t *data, size_t size);
QString fuzzHistoryLoader(const uint8_t *data, size_t size);
