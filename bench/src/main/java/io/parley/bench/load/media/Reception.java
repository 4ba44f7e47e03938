package io.parley.bench.load.media;

import io.parley.bench.load.stats.Percentiles.Summary;

/**
 * What every counting sink of a run has received so far, added up.
 *
 * @param packets     RTP packets received
 * @param bytes       their bytes, RTP headers included
 * @param lost        sequence numbers never received (gaps), so far
 * @param delayMicros one-way delay (the source's send call to the sink's arrival time) since the
 *                    last {@link PlayMeter#startWindow()}
 */
public record Reception(long packets, long bytes, long lost, Summary delayMicros) {
    public static final Reception NONE = new Reception(0, 0, 0, Summary.EMPTY);
}
