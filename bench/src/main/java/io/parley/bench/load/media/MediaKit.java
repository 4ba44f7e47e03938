package io.parley.bench.load.media;

import io.parley.sdk.media.MediaSource;

/** Where a run gets its synthetic sources and its counting sinks from. */
public interface MediaKit {
    /** A new source of this shape, for one publisher. */
    MediaSource source(SourceShape shape);

    /** A fresh set of counting sinks for one run. */
    PlayMeter meter();
}
