#!/bin/sh
# Makes the Java SDK's media fixtures with Debian's ffmpeg (libvpx, libopus) into OUTDIR:
#   vp8.ivf   testsrc2 640x360, 30 fps, 5 s, VP8 at ~500 kbit/s, a key frame every 30 frames (150 frames)
#   opus.ogg  a 440 Hz sine, 48 kHz stereo, 5 s, Opus in 20 ms frames (250 packets)
# Deterministic enough for tests: the frame and packet counts are fixed; the bytes may vary by ffmpeg version.
set -eu
if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
out=$1
mkdir -p "$out"
command -v ffmpeg >/dev/null || { echo "make-fixtures: ffmpeg is not installed (apt-get install ffmpeg)" >&2; exit 1; }

# Written beside the target and renamed, so a test never sees half a file.
ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=size=640x360:rate=30 -t 5 \
    -c:v libvpx -b:v 500k -g 30 -keyint_min 30 -deadline realtime -cpu-used 8 -threads 1 \
    -f ivf "$out/vp8.ivf.tmp"
mv "$out/vp8.ivf.tmp" "$out/vp8.ivf"

ffmpeg -nostdin -v error -y -f lavfi -i sine=frequency=440:sample_rate=48000:duration=5 -ac 2 \
    -c:a libopus -b:a 64k -frame_duration 20 -application audio \
    -f ogg "$out/opus.ogg.tmp"
mv "$out/opus.ogg.tmp" "$out/opus.ogg"
