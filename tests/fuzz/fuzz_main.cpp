// libFuzzer entry point; FUZZ_TARGET selects which target this binary runs. A broken property traps,
// so libFuzzer keeps the input (in tests/fuzz/regressions/<target>/ under run-fuzzers.sh) like a crash.
#include "FuzzTargets.h"

#include <QCoreApplication>

#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString broken = FUZZ_TARGET(data, size);
    if (!broken.isEmpty()) {
        std::fprintf(stderr, "fuzz property broken: %s\n", broken.toUtf8().constData());
        __builtin_trap();
    }
    return 0;
}
