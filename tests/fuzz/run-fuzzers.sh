#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (core instrumented with ASan/UBSan) and runs each for a
# bounded time. A crash leaves its input in tests/fuzz/regressions/<target>/, which tst_fuzz_regressions
# replays in every ordinary build: fix the bug, keep the file.
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-60}
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}

command -v clang++ >/dev/null || { echo "clang++ is needed: apt-get install -y clang libclang-rt-14-dev" >&2; exit 2; }
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DENROLLEE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j2 --target fuzz_response_parser fuzz_history_loader

status=0
for target in response_parser history_loader; do
    corpus=$(mktemp -d)
    cp -r "$here/corpus/$target/." "$corpus/"
    mkdir -p "$here/regressions/$target"
    echo "== fuzz_$target for ${seconds}s"
    if ! (cd "$here/regressions/$target" && \
          QT_QPA_PLATFORM=offscreen "$build/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" \
              -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 | tail -n 12); then
        echo "fuzz_$target found a problem: see tests/fuzz/regressions/$target/" >&2
        status=1
    fi
    rm -rf "$corpus"
done
exit $status
