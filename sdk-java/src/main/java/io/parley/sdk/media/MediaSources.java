package io.parley.sdk.media;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** Ways to put sources together. */
public final class MediaSources {
    private MediaSources() {
    }

    /**
     * One source of an audio source and a video source, published as one stream with both tracks:
     * both start and stop together, key frame requests go to the video source.
     *
     * @throws IllegalArgumentException when {@code audio} produces no audio or {@code video} no video
     */
    public static MediaSource combine(MediaSource audio, MediaSource video) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(video, "video");
        if (!audio.kinds().equals(Set.of(MediaKind.AUDIO)) || !video.kinds().equals(Set.of(MediaKind.VIDEO))) {
            throw new IllegalArgumentException("combine takes an audio-only and a video-only source, got "
                    + audio.kinds() + " and " + video.kinds());
        }
        return new Combined(audio, video);
    }

    private record Combined(MediaSource audio, MediaSource video) implements MediaSource {
        @Override
        public Set<MediaKind> kinds() {
            return EnumSet.allOf(MediaKind.class);
        }

        @Override
        public void start(FrameOutput output, ScheduledExecutorService pacer) {
            audio.start(output, pacer);
            video.start(output, pacer);
        }

        @Override
        public void requestKeyframe() {
            video.requestKeyframe();
        }

        @Override
        public void stop() {
            try {
                audio.stop();
            } finally {
                video.stop();
            }
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
