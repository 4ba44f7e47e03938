package io.parley.sdk;

/** ZEGO's ZegoStreamQualityLevel, the one-word summary of a quality report. */
public enum StreamQualityLevel {
    EXCELLENT(0),
    GOOD(1),
    MEDIUM(2),
    BAD(3),
    DIE(4);

    private final int value;

    StreamQualityLevel(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }

    /**
     * The level for a loss rate (0 to 1) and a round-trip time, with the thresholds the Web SDK uses;
     * {@code receiving} false (nothing arrived in the interval) is DIE.
     */
    public static StreamQualityLevel of(boolean receiving, double lossRate, int rttMillis) {
        if (!receiving) {
            return DIE;
        }
        if (lossRate < 0.01 && rttMillis < 100) {
            return EXCELLENT;
        }
        if (lossRate < 0.03 && rttMillis < 200) {
            return GOOD;
        }
        if (lossRate < 0.10 && rttMillis < 400) {
            return MEDIUM;
        }
        return BAD;
    }
}
