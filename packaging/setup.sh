#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine: installs what is missing, builds, and runs.
#   packaging/setup.sh run     install, build, start the console (the built-in sandbox when nothing is configured)
#   packaging/setup.sh test    install, build, run every test suite (headless, with a private keychain)
#   packaging/setup.sh deps    only install the Debian packages
#   packaging/setup.sh build   only configure and build (Release, into ./build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

# Everything a fresh Debian 12 lacks, for building, testing, packaging and validating.
packages=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev libqt6svg6 qt6-qpa-plugins libgl-dev libvulkan-dev
    qtkeychain-qt6-dev libsecret-1-0 libssl-dev
    libqt6sql6-psql libqt6sql6-sqlite libpq-dev postgresql-15
    dbus dbus-x11 gnome-keyring
    desktop-file-utils appstream groff-base man-db
    dpkg-dev file fakeroot openssl
    clang-format clang-tidy
    xvfb xauth
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() {
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build "$build" -j "$jobs"
}

# Tests talk to a real Secret Service: a private D-Bus session with a gnome-keyring whose keyrings live
# in a throw-away folder (a fresh "login" keyring is created and unlocked with a known password), so no
# test ever sees the user's own keychain, and an existing keyring's password never matters.
run_tests() {
    local keyrings
    keyrings=$(mktemp -d)
    cd "$build"
    set +e
    XDG_DATA_HOME="$keyrings" dbus-run-session -- sh -c '
        echo -n test-keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j 2 --timeout 300 "$@"
    ' ctest "$@" 2> >(grep -v "^dbus-daemon\[" >&2)
    local status=$?
    set -e
    rm -rf "$keyrings"
    return $status
}

case "${1:-}" in
    deps) deps ;;
    build) deps; build ;;
    run)
        deps
        build
        if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            echo "No display: starting under Xvfb (set DISPLAY to use your desktop)." >&2
            exec xvfb-run -a -s "-screen 0 1280x800x24" "$build/app/console/enrollee-console"
        fi
        exec "$build/app/console/enrollee-console"
        ;;
    test)
        deps
        build
        shift
        run_tests "$@"
        ;;
    *)
        sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
