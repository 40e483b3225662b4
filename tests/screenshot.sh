#!/bin/sh
# Takes resources/screenshots/main-window.png: builds enrollee-console if needed, runs it under Xvfb
# with a throw-away ENROLLEE_HOME (so no real profile or history is shown), deactivates a demo
# enrollee on the built-in local sandbox, and grabs the screen.
#
# Needs (Debian 12): apt-get install -y xvfb xauth imagemagick xdotool dbus gnome-keyring
#   xvfb-run/xauth: the X server; imagemagick: `import` takes the shot; xdotool: clicks and types the
#   demo action (without it the shot shows the window as it opens); dbus + gnome-keyring: a private
#   unlocked keychain for the run (without them the window shows its "no keychain" notice).
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
    # Without a window manager, X sends keys to the window under the pointer; clicking targets
    # widgets by their place in the 1280x800 layout of a fresh profile.
    xdotool mousemove 80 272 click 1        # "demo-user-002" in the demo enrollee list
    sleep 0.3
    xdotool mousemove 1040 204 click 1      # the reason / case-reference field
    xdotool type --delay 15 "CASE-1042 identity documents reported stolen"
    xdotool key ctrl+2                      # Deactivate (no confirmation outside production)
    sleep 1.5
    xdotool mousemove 640 790               # park the pointer on the status bar
    sleep 0.3
fi
import -window root "$OUT"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
INSIDE
chmod +x "$work/inside.sh"

# A private, unlocked keyring, as the tests use: otherwise D-Bus autolaunch under Xvfb starts the
# login keyring, whose unlock prompt would cover the window and swallow the typed demo action.
cat > "$work/keyring.sh" <<'KEYRING'
#!/bin/sh
echo -n screenshot | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
exec "$WORK/inside.sh"
KEYRING
chmod +x "$work/keyring.sh"
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    session="dbus-run-session -- $work/keyring.sh"
else
    # No keyring tools: no keychain at all; the window then says so in its keychain bar.
    export DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
    session="$work/inside.sh"
fi

mkdir -p "$work/home"
ENROLLEE_HOME="$work/home" ENROLLEE_KEYCHAIN_SERVICE="enrollee-console-screenshot" \
    XDG_DATA_HOME="$work/xdg-data" XDG_RUNTIME_DIR="$work" \
    EXE="$exe" OUT="$out" WORK="$work" LC_ALL=C.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x800x24" $session
echo "screenshot.sh: wrote $out"
