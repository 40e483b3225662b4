#pragma once

#include <cstddef>
#include <cstdint>

// The bodies of the fuzz targets, shared by the libFuzzer binaries (clang, tests/fuzz/run-fuzzers.sh)
// and by tst_fuzz_regressions, which replays the seed corpus and every crash ever found on each build.
int fuzzResponseParser(const uint8_t *data, size_t size);
int fuzzHistoryLoader(const uint8_t *data, size_t size);
