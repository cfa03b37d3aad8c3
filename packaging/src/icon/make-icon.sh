#!/usr/bin/env bash
# Draws the LayerLoom icon (a small network of three layers woven on a blue tile) with ImageMagick, into
# layerloom.png (256x256) beside this script. Run it again after changing the drawing and commit the PNG;
# the build only copies the committed file, so it needs no ImageMagick.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
size=256
# Node centres: input layer (2), hidden layer (3), output layer (2).
in=("70,100" "70,156")
hidden=("128,72" "128,128" "128,184")
out=("186,100" "186,156")
wires=()
for a in "${in[@]}"; do for b in "${hidden[@]}"; do wires+=("line $a $b"); done; done
for a in "${hidden[@]}"; do for b in "${out[@]}"; do wires+=("line $a $b"); done; done
nodes=()
for p in "${in[@]}" "${hidden[@]}" "${out[@]}"; do
  x=${p%,*}; y=${p#*,}
  nodes+=("circle $x,$y $((x + 15)),$y")
done
convert -size ${size}x${size} xc:none \
  \( -size ${size}x${size} gradient:'#3b82f6-#1e40af' \
     \( -size ${size}x${size} xc:black -fill white -draw "roundrectangle 8,8 247,247 44,44" \) \
     -alpha off -compose CopyOpacity -composite \) -compose Over -composite \
  -stroke '#bfdbfe' -strokewidth 7 -fill none -draw "$(printf '%s ' "${wires[@]}")" \
  -stroke '#1e3a8a' -strokewidth 5 -fill '#fbbf24' -draw "$(printf '%s ' "${nodes[@]}")" \
  -strip -define png:exclude-chunks=date,time \
  layerloom.png
echo "wrote $(pwd)/layerloom.png"
