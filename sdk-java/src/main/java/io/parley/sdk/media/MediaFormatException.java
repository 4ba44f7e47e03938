package io.parley.sdk.media;

import java.io.IOException;

/**
 * A media file or payload that does not follow its format: a bad Ogg page (RFC 3533), Opus header
 * (RFC 7845), IVF header or frame. The {@link #code()} names the rule broken, for logs and tests;
 * the message says where.
 */
public final class MediaFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code    a stable name of the rule broken, such as {@code ogg.crc} or {@code ivf.signature}
     * @param message what was wrong and where
     */
    public MediaFormatException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The rule broken, such as {@code ogg.crc}. */
    public String code() {
        return code;
    }
}
