#!/bin/sh
# Regenerates the committed PNG renders of the application icon from its two SVG drawings.
# The PNGs are committed so the build and CI need no SVG renderer; run this (Debian package
# librsvg2-bin) after editing either SVG, look at the results, and commit them together.
# 16, 22 and 24 px come from the hand-simplified drawing, because the full one blurs at those sizes.
set -eu
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
mkdir -p png
for size in 16 22 24; do
    rsvg-convert -w "$size" -h "$size" enrollee-console-small.svg -o "png/enrollee-console-$size.png"
done
for size in 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" enrollee-console.svg -o "png/enrollee-console-$size.png"
done
echo "rendered:" png/*.png
