#!/usr/bin/env sh
# Peak resident memory of whole-image runs over a range of sizes, the figures the memory model in
# nst-core's plan.MemoryEstimate is fitted to. Prints "size width height pixels peak_kib" per run.
# Usage: nst-examples/scripts/memory-peaks.sh [SIZES] [EXTRA NST OPTIONS...]
#   e.g. nst-examples/scripts/memory-peaks.sh "128 256 512" --low-memory
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
sizes=${1:-"128 256 384 512 768 1024"}
[ $# -gt 0 ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$root/nst" --version >/dev/null
for size in $sizes; do
    /usr/bin/time -f %M -o "$out/peak" "$root/nst" --content "$root/nst-examples/images/content/tubingen.jpg" \
        --style "$root/nst-examples/images/style/starry_night.jpg" --weights random --size "$size" \
        --iterations 3 --output "$out/out.png" --max-memory 16g "$@" >"$out/log" 2>&1 || { cat "$out/log" >&2; exit 1; }
    dims=$(python3 -c "import struct,sys;f=open(sys.argv[1],'rb');f.read(16);w,h=struct.unpack('>II',f.read(8));print(w,h,w*h)" "$out/out.png")
    echo "$size $dims $(cat "$out/peak")"
done
