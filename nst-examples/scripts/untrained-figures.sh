#!/usr/bin/env sh
# The untrained weights' figures in BENCHMARKS.md ("Untrained weights"): a texture from noise for every
# sample style, and every sample photo transferred in the style of two sample paintings, scored by
# texstats.py (colour levels / spectrum decades / gradient levels against the style) and ssim.py
# (luminance SSIM against the photo). Needs Debian's python3-numpy and python3-pil.
# Prints markdown table rows; keeps the images and logs in OUT_DIR.
# Usage: nst-examples/scripts/untrained-figures.sh OUT_DIR [EXTRA NST OPTIONS...]
#   e.g. nst-examples/scripts/untrained-figures.sh /tmp/untrained --size 256 --iterations 200
# NST may name another nst command (e.g. NST="java -jar nst-cli/target/nst-cli.jar").
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?give an output folder}
shift
mkdir -p "$out"
images="$root/nst-examples/images"
scripts="$root/nst-examples/scripts"
py=/usr/bin/python3
nst=${NST:-$root/nst}
$nst --version >/dev/null

# stats STYLE IMAGE -> "colour | spectrum | gradients"
stats() {
    $py "$scripts/texstats.py" "$1" "$2" | $py -c "import json,sys;d=json.load(sys.stdin);print('%s | %s | %s' % (d['colour'], d['spectrum'], d['gradients']))"
}

# resized LONG_SIDE IMAGE OUT -> the photo at the output's scale, for its own distances
resized() {
    $py -c "from PIL import Image;import sys;im=Image.open(sys.argv[2]).convert('RGB');s=int(sys.argv[1])/max(im.size);im.resize((round(im.width*s),round(im.height*s)),Image.BICUBIC).save(sys.argv[3])" "$1" "$2" "$3"
}

echo "| texture of | colour | spectrum | gradients | seconds |"
echo "|---|---|---|---|---|"
for style in "$images"/style/*; do
    name=$(basename "${style%.*}")
    start=$(date +%s)
    $nst --style "$style" --output "$out/texture_$name.png" --weights untrained "$@" >"$out/texture_$name.log" 2>&1
    echo "| $name | $(stats "$style" "$out/texture_$name.png") | $(( $(date +%s) - start )) |"
done

echo
echo "| photo, painting | colour (photo's) | spectrum (photo's) | gradients (photo's) | SSIM | seconds |"
echo "|---|---|---|---|---|---|"
for content in "$images"/content/*; do
    for painting in starry_night.jpg the_scream.jpg; do
        style="$images/style/$painting"
        name="$(basename "${content%.*}")_$(basename "${painting%.*}")"
        start=$(date +%s)
        $nst --content "$content" --style "$style" --output "$out/$name.png" --weights untrained "$@" \
            >"$out/$name.log" 2>&1
        seconds=$(( $(date +%s) - start ))
        long=$($py -c "from PIL import Image;import sys;print(max(Image.open(sys.argv[1]).size))" "$out/$name.png")
        resized "$long" "$content" "$out/photo_$name.png"
        result=$(stats "$style" "$out/$name.png")
        photo=$(stats "$style" "$out/photo_$name.png")
        ssim=$($py "$scripts/ssim.py" "$content" "$out/$name.png")
        echo "| $name | $result | ($photo) | $ssim | $seconds |" | $py -c "
import sys
cells = sys.stdin.read().strip().strip('|').split('|')
r, p = cells[1:4], [c.strip(' ()') for c in cells[4:7]]
print('| %s | %s (%s) | %s (%s) | %s (%s) | %s | %s |' % (cells[0].strip(), r[0].strip(), p[0], r[1].strip(), p[1], r[2].strip(), p[2], cells[7].strip(), cells[8].strip()))"
    done
done
