package io.parley.sdk.media;

import java.util.Objects;

/** Ways to put sinks together. */
public final class MediaSinks {
    private MediaSinks() {
    }

    /**
     * One sink that sends a played stream's audio packets to {@code audio} and its video packets to
     * {@code video}, and closes both when the play ends, e.g. an Ogg file and an IVF file side by side.
     */
    public static MediaSink split(MediaSink audio, MediaSink video) {
        return new Split(Objects.requireNonNull(audio, "audio"), Objects.requireNonNull(video, "video"));
    }

    private record Split(MediaSink audio, MediaSink video) implements MediaSink {
        @Override
        public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
            (kind == MediaKind.AUDIO ? audio : video).onRtp(kind, packet, offset, length, arrivalNanos);
        }

        @Override
        public void close() {
            try {
                audio.close();
            } finally {
                video.close();
            }
        }
    }
}
