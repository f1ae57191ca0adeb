#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Composes the demo / end-to-end clip from the test photos (scripts/fetch-test-data.sh):
# 18 s, 1280x720, 15 fps, H.264 yuv420p, a keyframe every second, no audio.
#
#   0.0 -  2.0 s  empty scene (a still of vtest.avi), so the motion detector settles
#   2.0 -  8.0 s  a person (obama.jpg) walks in from the right, sways, walks out
#   8.0 -  9.5 s  quiet
#   9.5 - 16.5 s  a car (licenseplate_motion.jpg) with the plate "KX19 ABC" crosses right to left,
#                 slowing down in the middle of the frame
#  16.5 - 18.0 s  quiet
#
# Enrol obama2.jpg (a different photo of the same man) as the known person; the plate reads KX19ABC.
# Needs Debian packages ffmpeg and fonts-dejavu-core.
#
# Usage: scripts/make-demo-clip.sh OUT.mp4
set -euo pipefail

out=${1:?usage: scripts/make-demo-clip.sh OUT.mp4}
script="${BASH_SOURCE[0]}"
data="$(cd "$(dirname "$script")/.." && pwd)/test-data"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
plate="KX19 ABC"

# Tests call this before every run: keep the clip unless this script changed since it was made.
if [[ -s "$out" && "$out" -nt "$script" ]]; then exit 0; fi
for file in vtest_frame0.png obama.jpg licenseplate_motion.jpg; do
    [[ -s "$data/$file" ]] || { echo "make-demo-clip: $data/$file is missing; run scripts/fetch-test-data.sh" >&2; exit 1; }
done
[[ -s "$font" ]] || { echo "make-demo-clip: $font is missing; apt-get install fonts-dejavu-core" >&2; exit 1; }

# Face: ~180 px wide at 0.75 scale, the size a doorway camera sees; the body runs off the bottom edge.
# It enters in 0.6 s so only a few frames show a cut-off face, then sways +-30 px so motion never stops.
face_x='if(lt(t,2.6), 1280-(t-2)/0.6*580, if(lt(t,7.4), 700+30*sin(2*PI*(t-2.6)/2.4), 700+(t-7.4)/0.6*580))'
face_y='80+8*sin(2*PI*(t-2)/1.6)'
# Car: x = centre - 60u - 17u^3 (u = seconds from mid-pass) is fast at the edges and ~60 px/s in the
# middle, so the whole plate is in view for ~5 s of the 7 s pass while it never stops moving.
car_x='340-60*(t-13)-17.03*pow(t-13,3)'

# The plate copies PlateSynthesizer's look (light plate, dark border, bold black text, 3.1:1), 250 px
# wide on the car, drawn over the car's own unreadable plate; a slight blur matches the camera's softness.
mkdir -p "$(dirname "$out")"
# Write beside OUT and rename, so an interrupted run never leaves a truncated clip that looks current.
tmp="$out.part"
trap 'rm -f "$tmp"' EXIT
ffmpeg -v error -y \
    -loop 1 -framerate 15 -t 18 -i "$data/vtest_frame0.png" \
    -loop 1 -framerate 15 -t 18 -i "$data/obama.jpg" \
    -loop 1 -framerate 15 -t 18 -i "$data/licenseplate_motion.jpg" \
    -f lavfi -t 18 -i "color=c=0xF0F0F0:s=440x140:r=15" \
    -filter_complex "
        [0]crop=768:432:0:144,scale=1280:720,setsar=1[bg];
        [1]crop=700:900:150:0,scale=525:-2[person];
        [3]drawbox=x=4:y=4:w=432:h=132:color=0x141414:t=6,
           drawtext=fontfile=$font:text='$plate':fontsize=74:fontcolor=0x0F0F0F:x=(w-text_w)/2:y=(h-text_h)/2,
           scale=250:-2,gblur=sigma=0.6[plate];
        [2][plate]overlay=(W-w)/2-3:262-h/2[car];
        [bg][person]overlay=x='$face_x':y='$face_y':enable='between(t,2,8)'[scene];
        [scene][car]overlay=x='$car_x':y=H-h:enable='between(t,9.5,16.5)',format=yuv420p[v]" \
    -map '[v]' -t 18 -r 15 -an -c:v libx264 -preset medium -crf 23 -g 15 -keyint_min 15 -sc_threshold 0 \
    -pix_fmt yuv420p -movflags +faststart -f mp4 "$tmp"
mv "$tmp" "$out"
