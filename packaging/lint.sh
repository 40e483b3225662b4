#!/usr/bin/env bash
# The style and static-analysis gate CI runs after the tests (STYLE.md habit 9: tools hold the style).
#   packaging/lint.sh format            clang-format --dry-run --Werror on every tracked *.cpp/*.h in app/ ui/ tests/
#   packaging/lint.sh tidy BUILD_DIR    clang-tidy (the root .clang-tidy) on every app/ and ui/ .cpp, using
#                                       BUILD_DIR/compile_commands.json; BUILD_DIR must be built, because
#                                       clang-tidy reads the moc and uic files the build generates
#   packaging/lint.sh                   both (BUILD_DIR defaults to ./build)
# Either check fails on any finding. clang-format and clang-tidy 14 (Debian 12) are the reference;
# other versions format differently, so a warning says so. JOBS (default 2) sets clang-tidy's parallelism.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
clang_format=${CLANG_FORMAT:-clang-format}
clang_tidy=${CLANG_TIDY:-clang-tidy}

usage() {
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

need() {
    command -v "$1" >/dev/null || { echo "lint: $1 is not installed (packaging/setup.sh deps installs it)" >&2; exit 2; }
}

warn_version() {
    local version
    version=$("$1" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p' | head -n 1)
    if [ "$version" != 14 ]; then
        echo "lint: warning: $1 is version ${version:-unknown}; the reference is 14 and results may differ" >&2
    fi
}

format() {
    need "$clang_format"
    warn_version "$clang_format"
    cd "$root"
    local count
    count=$(git ls-files -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h' | wc -l)
    echo "== clang-format: $count files"
    if ! git ls-files -z -- 'app/*.cpp' 'app/*.h' 'ui/*.cpp' 'ui/*.h' 'tests/*.cpp' 'tests/*.h' \
        | xargs -0 "$clang_format" --dry-run --Werror; then
        echo "lint: formatting differs from .clang-format; run clang-format -i on the files named above" >&2
        return 1
    fi
}

tidy() {
    local build=$1
    need "$clang_tidy"
    warn_version "$clang_tidy"
    build=$(cd "$build" 2>/dev/null && pwd) || { echo "lint: no build directory '$1'" >&2; exit 2; }
    local database=$build/compile_commands.json
    if [ ! -f "$database" ]; then
        echo "lint: $database is missing: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON and build" >&2
        exit 2
    fi
    cd "$root"
    local files=() missing=() f
    while IFS= read -r -d '' f; do
        files+=("$root/$f")
        grep -qF "\"$root/$f\"" "$database" || missing+=("$f")
    done < <(git ls-files -z -- 'app/*.cpp' 'ui/*.cpp')
    # A database from another checkout or an old configure would silently check nothing.
    if [ ${#missing[@]} -gt 0 ]; then
        echo "lint: not in $database (re-run cmake for this tree): ${missing[*]}" >&2
        exit 2
    fi
    echo "== clang-tidy: ${#files[@]} files, $jobs jobs"

    local runner
    runner=$(command -v run-clang-tidy || command -v run-clang-tidy-14 || true)
    if [ -z "$runner" ] && [ -x /usr/lib/llvm-14/bin/run-clang-tidy ]; then
        runner=/usr/lib/llvm-14/bin/run-clang-tidy
    fi
    local status=0
    if [ -n "$runner" ]; then
        # run-clang-tidy takes regular expressions: anchor and escape each path so it names one file.
        local patterns=()
        for f in "${files[@]}"; do
            patterns+=("^$(printf '%s' "$f" | sed 's/[][\.*^()+?{}|$]/\\&/g')\$")
        done
        "$runner" -quiet -j "$jobs" -clang-tidy-binary "$(command -v "$clang_tidy")" -p "$build" "${patterns[@]}" \
            || status=$?
    else
        printf '%s\0' "${files[@]}" | xargs -0 -n 1 -P "$jobs" "$clang_tidy" --quiet -p "$build" || status=$?
    fi
    if [ "$status" -ne 0 ]; then
        echo "lint: clang-tidy found problems (above); fix them or, with a reason, NOLINT(check-name) the line" >&2
        return 1
    fi
}

case "${1:-}" in
    format) format ;;
    tidy)
        [ $# -eq 2 ] || usage
        tidy "$2"
        ;;
    "")
        # Each in its own process, so both report even when the first fails.
        status=0
        "$0" format || status=1
        "$0" tidy "$root/build" || status=1
        exit "$status"
        ;;
    *) usage ;;
esac
