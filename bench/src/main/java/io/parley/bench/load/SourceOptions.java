package io.parley.bench.load;

import io.parley.bench.load.media.SourceShape;
import picocli.CommandLine.Option;

/** What each publisher sends; each scenario has its own defaults (a broadcast's stream is heavier than a meeting's). */
public final class SourceOptions {
    @Option(names = "--video-bitrate", paramLabel = "BIT/S",
            description = "Video bit rate of each publisher (default: broadcast 1500000, meeting 500000).")
    Long videoBitsPerSecond;

    @Option(names = "--video-packet-rate", paramLabel = "PACKETS/S",
            description = "Video packets per second, one frame each; a frame must fit one packet (default: broadcast 180, meeting 60).")
    Integer videoPacketsPerSecond;

    @Option(names = "--no-audio", description = "Video only (default: Opus-shaped audio at 50 packets/s beside it).")
    boolean noAudio;

    SourceShape shape(long defaultBitsPerSecond, int defaultPacketsPerSecond) {
        return new SourceShape(videoBitsPerSecond == null ? defaultBitsPerSecond : videoBitsPerSecond,
                videoPacketsPerSecond == null ? defaultPacketsPerSecond : videoPacketsPerSecond, !noAudio);
    }
}
