package io.parley.sdk.internal;

import com.fasterxml.jackson.databind.node.TextNode;

/** The SDK's few hand-written JSON strings (ZEGO's extendedData) need their text quoted safely. */
public final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return TextNode.valueOf(s == null ? "" : s).toString();
    }
}
