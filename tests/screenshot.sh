#!/bin/sh
# Takes resources/screenshots/main-window.png: builds enrollee-console if needed, runs it under Xvfb
# with a throw-away ENROLLEE_HOME (so no real profile or history is shown), deactivates a demo
# enrollee on the built-in local sandbox, and grabs the screen.
#
# Needs (Debian 12): apt-get install -y xvfb xauth imagemagick xdotool
#   xvfb-run/xauth: the X server; imagemagick: `import` takes the shot; xdotool: types the demo action
#   (without xdotool the shot shows the window as it opens).
# Usage: tests/screenshot.sh [OUTPUT.png]    (BUILD_DIR overrides the build directory)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
out=${1:-$root/resources/screenshots/main-window.png}
exe=$build/app/console/enrollee-console

for tool in xvfb-run import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshot.sh: $tool is missing (apt-get install -y xvfb xauth imagemagick)" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
    flock /tmp/enrollee-build.lock cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
flock /tmp/enrollee-build.lock cmake --build "$build" -j2 --target enrollee-console

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$(dirname "$out")"

# The inner script runs inside the X session: start the console, wait for its window, act, shoot.
cat > "$work/inside.sh" <<'INSIDE'
#!/bin/sh
set -u
"$EXE" -qwindowgeometry 1280x800+0+0 >"$WORK/console.log" 2>&1 &
pid=$!
# Wait (at most ~15 s) for the window to be mapped.
i=0
while [ $i -lt 150 ]; do
    if command -v xdotool >/dev/null 2>&1; then
        win=$(xdotool search --name "Enrollee Console" 2>/dev/null | head -n 1)
        [ -n "$win" ] && break
    elif [ $i -ge 30 ]; then
        break
    fi
    i=$((i + 1)); sleep 0.1
done
sleep 1 # the sandbox and history start right after the first frame
if command -v xdotool >/dev/null 2>&1 && [ -n "${win:-}" ]; then
    xdotool windowfocus --sync "$win" 2>/dev/null || true
    xdotool type --delay 20 "demo-user-002"
    xdotool key Tab
    xdotool type --delay 10 "CASE-1042: identity documents reported stolen"
    xdotool key ctrl+2      # Deactivate (no confirmation outside production)
    sleep 1.5
    xdotool key ctrl+l      # back to the user-ID field so the caret is where an officer expects it
    sleep 0.3
fi
import -window root "$OUT"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
INSIDE
chmod +x "$work/inside.sh"

mkdir -p "$work/home"
ENROLLEE_HOME="$work/home" ENROLLEE_KEYCHAIN_SERVICE="enrollee-console-screenshot" \
    EXE="$exe" OUT="$out" WORK="$work" LC_ALL=C.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$work/inside.sh"
echo "screenshot.sh: wrote $out"
