package io.parley.wire.rtcp;

import io.parley.wire.Bytes;

/**
 * Writes a transport-wide congestion control feedback message
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1) from the sequence numbers and arrival
 * times of the packets received. Sequence numbers between two received ones are reported as not
 * received. Chunks are chosen greedily per position: a run-length chunk when the run of one
 * status is at least as long as a status vector could cover, a 14-symbol 1-bit vector when no
 * large delta is among the next 14, otherwise a 7-symbol 2-bit vector. Reusable: its scratch arrays
 * grow to the largest report written and are then kept, so steady-state writing allocates nothing.
 */
public final class TransportFeedbackWriter {
    private static final int HEADER = FeedbackPacket.FCI + 8;
    private static final long UNITS_PER_REFERENCE =
            TransportFeedback.REFERENCE_TIME_UNIT_MICROS / TransportFeedback.DELTA_UNIT_MICROS;
    private static final int MAX_RUN = 0x1FFF;

    private byte[] symbols = new byte[64];
    private short[] deltas = new short[64];

    /**
     * Writes the feedback and returns its length.
     *
     * @param sequences the first {@code count} entries: transport-wide sequence numbers received, strictly
     *     increasing in RTP order (a wrap from 65535 to 0 is in order); the first is the base sequence number
     * @param arrivalMicros the arrival time of each, in µs on the receiver's clock
     * @throws IllegalArgumentException when the numbers are not increasing, span 65536 numbers, or two
     *     consecutive arrivals are more than 8.19 s apart (a delta no chunk can carry): the caller then
     *     splits the report
     */
    public int write(byte[] b, int off, long senderSsrc, long mediaSsrc, int feedbackPacketCount, int[] sequences,
            long[] arrivalMicros, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("RTCP transport-cc: needs at least one received packet");
        }
        int base = sequences[0] & 0xFFFF;
        int statusCount = ((sequences[count - 1] - base) & 0xFFFF) + 1;
        if (statusCount > 0xFFFF) {
            throw new IllegalArgumentException("RTCP transport-cc: " + base + " to " + sequences[count - 1]
                    + " spans more statuses than the 16-bit packet status count holds");
        }
        long reference = Math.floorDiv(arrivalMicros[0], TransportFeedback.REFERENCE_TIME_UNIT_MICROS);
        classify(base, statusCount, reference * UNITS_PER_REFERENCE, sequences, arrivalMicros, count);

        int pos = off + HEADER;
        for (int i = 0; i < statusCount; ) {
            int covered = chunkAt(i, statusCount, b, pos);
            pos += 2;
            i += covered;
        }
        for (int i = 0; i < statusCount; i++) {
            if (symbols[i] == TransportFeedback.SMALL_DELTA) {
                b[pos++] = (byte) deltas[i];
            } else if (symbols[i] == TransportFeedback.LARGE_DELTA) {
                Bytes.put16(b, pos, deltas[i]);
                pos += 2;
            }
        }
        while (((pos - off) & 3) != 0) {
            b[pos++] = 0;
        }
        FeedbackPacket.writeHeader(b, off, TransportFeedback.FMT, RtcpHeader.PT_RTPFB, pos - off, senderSsrc,
                mediaSsrc);
        int fci = off + FeedbackPacket.FCI;
        Bytes.put16(b, fci, base);
        Bytes.put16(b, fci + 2, statusCount);
        Bytes.put24(b, fci + 4, (int) reference);
        Bytes.put8(b, fci + 7, feedbackPacketCount);
        return pos - off;
    }

    /** Fills {@code symbols} and {@code deltas} for every position from base to the last sequence number. */
    private void classify(int base, int statusCount, long start250, int[] sequences, long[] arrivalMicros,
            int count) {
        if (symbols.length < statusCount) {
            symbols = new byte[Math.max(statusCount, symbols.length * 2)];
            deltas = new short[symbols.length];
        }
        java.util.Arrays.fill(symbols, 0, statusCount, (byte) TransportFeedback.NOT_RECEIVED);
        long previous = start250;
        int lastIndex = -1;
        for (int i = 0; i < count; i++) {
            int index = (sequences[i] - base) & 0xFFFF;
            if (index <= lastIndex || index >= statusCount) {
                throw new IllegalArgumentException("RTCP transport-cc: sequence number " + sequences[i]
                        + " is not after the previous one");
            }
            lastIndex = index;
            long t = Math.floorDiv(arrivalMicros[i], TransportFeedback.DELTA_UNIT_MICROS);
            long delta = t - previous;
            previous = t;
            if (delta >= 0 && delta <= 0xFF) {
                symbols[index] = TransportFeedback.SMALL_DELTA;
            } else if (delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE) {
                symbols[index] = TransportFeedback.LARGE_DELTA;
            } else {
                throw new IllegalArgumentException("RTCP transport-cc: arrival of " + sequences[i] + " is "
                        + delta * TransportFeedback.DELTA_UNIT_MICROS + " µs from the previous, beyond a delta");
            }
            deltas[index] = (short) delta;
        }
    }

    /** Writes the chunk that starts at status {@code i} and returns how many statuses it covers. */
    private int chunkAt(int i, int statusCount, byte[] b, int pos) {
        int remaining = statusCount - i;
        int run = 1;
        while (run < remaining && run < MAX_RUN && symbols[i + run] == symbols[i]) {
            run++;
        }
        boolean large = false;
        for (int k = i; k < i + Math.min(14, remaining); k++) {
            large |= symbols[k] == TransportFeedback.LARGE_DELTA;
        }
        if (run >= 14 || run == remaining || (large && run >= 7)) {
            Bytes.put16(b, pos, (symbols[i] << 13) | run);
            return run;
        }
        int chunk;
        int covered;
        if (!large) {
            covered = Math.min(14, remaining);
            chunk = 0x8000;
            for (int k = 0; k < covered; k++) {
                chunk |= symbols[i + k] << (13 - k);
            }
        } else {
            covered = Math.min(7, remaining);
            chunk = 0xC000;
            for (int k = 0; k < covered; k++) {
                chunk |= symbols[i + k] << (12 - 2 * k);
            }
        }
        Bytes.put16(b, pos, chunk);
        return covered;
    }
}
