#!/bin/sh
# Proves the .deb works as installed: builds it with CPack from an existing build directory, installs
# it with apt-get, runs both programs from /usr/bin, checks the installed files, then removes it and
# checks nothing is left behind. Run as root on a Debian 12 machine (CI, or a throw-away VM):
#
#   packaging/ci-package-test.sh [BUILD_DIR]      (default: build)
#
# The build directory must already be built (cmake --build BUILD_DIR). Exits non-zero with a message
# naming the first failed check. It installs and removes the package enrollee-console system-wide.
set -eu

APP_ID=io.github.enrolleeconsole.EnrolleeConsole
PACKAGE=enrollee-console
ICON_SIZES="16 22 24 32 48 64 128 256"
# Signing check: any key works, the expected value is recomputed independently with openssl below.
TEST_KEY=ci-package-test-key
TEST_PARTNER=085
TEST_TIMESTAMP=2023-02-13T15:07:42.214Z

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'ci-package-test: FAILED: %s\n' "$*" >&2; exit 1; }

build_dir=$(cd "${1:-build}" 2>/dev/null && pwd) || fail "no build directory ${1:-build}; configure and build first"
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir has no CPackConfig.cmake; is it a configured build of this project?"
[ "$(id -u)" = 0 ] || fail "run as root: the package is installed and removed with apt-get"
for tool in cpack apt-get dpkg dpkg-deb timeout; do
    command -v "$tool" >/dev/null || fail "$tool not found"
done

work=$(mktemp -d /tmp/ci-package-test.XXXXXX)
console_pid=
cleanup() {
    if [ -n "$console_pid" ] && kill -0 "$console_pid" 2>/dev/null; then
        kill "$console_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
# Everything the programs write goes under the temporary folder, never into root's real settings
# or keychain.
export ENROLLEE_HOME="$work/home"
export ENROLLEE_KEYCHAIN_SERVICE="enrollee-ci-package-test-$$"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$ENROLLEE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

step "building the .deb (cpack -G DEB in $build_dir)"
rm -f "$build_dir"/${PACKAGE}_*.deb
(cd "$build_dir" && cpack -G DEB) >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb=
for candidate in "$build_dir"/"${PACKAGE}"_*.deb; do
    [ -f "$candidate" ] && deb=$candidate && break
done
[ -n "$deb" ] || { cat "$work/cpack.log" >&2; fail "cpack did not produce ${PACKAGE}_*.deb in $build_dir"; }
echo "package: $deb"

step "package metadata"
dpkg-deb -f "$deb" Package Version Architecture Maintainer Depends Section Homepage
[ "$(dpkg-deb -f "$deb" Package)" = "$PACKAGE" ] || fail "package name is not $PACKAGE"
depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in
    *libqt6core6*) ;;
    *) fail "Depends lacks libqt6core6: dpkg-shlibdeps did not work out the dependencies ($depends)" ;;
esac
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "no Maintainer field"
[ -n "$(dpkg-deb -f "$deb" Description)" ] || fail "no Description field"
dpkg-deb -c "$deb" >"$work/contents"
for path in ./usr/bin/enrollee-cli ./usr/bin/enrollee-console; do
    grep -q " $path\$" "$work/contents" || fail "the package does not contain $path"
done

step "installing (apt-get install -y $deb)"
# apt-get needs a path, not a bare file name, to treat the argument as a local package.
apt-get install -y "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "apt-get install failed"; }
tail -n 3 "$work/install.log"
dpkg -s "$PACKAGE" | grep -q '^Status: install ok installed' || fail "$PACKAGE is not installed after apt-get install"

step "installed files (dpkg -L $PACKAGE)"
dpkg -L "$PACKAGE" >"$work/files"
expected="/usr/bin/enrollee-cli
/usr/bin/enrollee-console
/usr/share/applications/$APP_ID.desktop
/usr/share/metainfo/$APP_ID.metainfo.xml
/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
/usr/share/man/man1/enrollee-console.1.gz
/usr/share/man/man1/enrollee-cli.1.gz"
for size in $ICON_SIZES; do
    expected="$expected
/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
echo "$expected" | while read -r path; do
    grep -qx "$path" "$work/files" || fail "dpkg -L $PACKAGE does not list $path"
    [ -e "$path" ] || fail "$path is listed but missing on disk (a dpkg path-exclude?)"
done
echo "all $(echo "$expected" | wc -l) expected files listed and present"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "/usr/share/applications/$APP_ID.desktop" || fail "the installed desktop file does not validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "/usr/share/metainfo/$APP_ID.metainfo.xml" >/dev/null \
        || fail "the installed metainfo does not validate"
fi

step "enrollee-cli --version"
version=$(/usr/bin/enrollee-cli --version) || fail "enrollee-cli --version exited with $?"
echo "$version"
package_version=$(dpkg-deb -f "$deb" Version)
case "$version" in
    *"$package_version"*) ;;
    *) fail "enrollee-cli --version says \"$version\", the package is $package_version" ;;
esac

step "enrollee-cli sign --partner-id $TEST_PARTNER --timestamp $TEST_TIMESTAMP"
signed=$(SMILEID_API_KEY="$TEST_KEY" /usr/bin/enrollee-cli sign --partner-id "$TEST_PARTNER" --timestamp "$TEST_TIMESTAMP") \
    || fail "enrollee-cli sign exited with $?"
echo "$signed"
echo "$signed" | grep -q "\"timestamp\": *\"$TEST_TIMESTAMP\"" || fail "sign did not echo the timestamp exactly"
if command -v openssl >/dev/null; then
    expected_signature=$(printf '%s' "${TEST_TIMESTAMP}${TEST_PARTNER}sid_request" \
        | openssl dgst -sha256 -hmac "$TEST_KEY" -binary | base64)
    echo "$signed" | grep -qF "\"signature\": \"$expected_signature\"" \
        || echo "$signed" | grep -qF "\"signature\":\"$expected_signature\"" \
        || fail "signature differs from openssl's HMAC-SHA256 ($expected_signature)"
    echo "signature matches openssl's HMAC-SHA256"
else
    echo "$signed" | grep -q '"signature": *"[A-Za-z0-9+/]\{43\}="' || fail "no base64 signature in the output"
fi

step "enrollee-console starts offscreen and draws its window"
export QT_QPA_PLATFORM=offscreen
# ENROLLEE_BENCH_FIRST_FRAME=1 makes the console print "first-frame" when its window is first
# exposed, then quit: proof that the installed program builds and shows its whole window.
if ENROLLEE_BENCH_FIRST_FRAME=1 timeout 60 /usr/bin/enrollee-console >"$work/frame.out" 2>"$work/frame.err"; then
    grep -q first-frame "$work/frame.out" || { cat "$work/frame.err" >&2; fail "enrollee-console quit without drawing its window"; }
    echo "first frame drawn"
else
    status=$?
    cat "$work/frame.err" >&2
    fail "enrollee-console exited with $status before drawing its window (124 = hung for 60 s)"
fi

step "enrollee-console keeps running (5 s)"
/usr/bin/enrollee-console >"$work/console.out" 2>"$work/console.err" &
console_pid=$!
sleep 5
if ! kill -0 "$console_pid" 2>/dev/null; then
    status=0
    wait "$console_pid" || status=$?
    console_pid=
    cat "$work/console.err" >&2
    fail "enrollee-console exited (status $status) within 5 seconds"
fi
kill "$console_pid"
wait "$console_pid" 2>/dev/null || true
console_pid=
echo "still running after 5 s; stopped"

step "removing (apt-get remove -y $PACKAGE)"
apt-get remove -y "$PACKAGE" >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "apt-get remove failed"; }
tail -n 2 "$work/remove.log"
[ ! -e /usr/bin/enrollee-cli ] || fail "/usr/bin/enrollee-cli is still there after removal"
[ ! -e /usr/bin/enrollee-console ] || fail "/usr/bin/enrollee-console is still there after removal"
echo "$expected" | while read -r path; do
    [ ! -e "$path" ] || fail "$path is still there after removal"
done
if dpkg -s "$PACKAGE" 2>/dev/null | grep -q '^Status: install ok installed'; then
    fail "dpkg still reports $PACKAGE as installed"
fi

printf '\nci-package-test: OK: %s built, installed, run and removed cleanly\n' "$(basename "$deb")"
