package io.parley.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;

/** The checks every VP8 and VP9 descriptor vector goes through: write back, and every truncation. */
final class DescriptorVectors {
    private DescriptorVectors() {
    }

    /** Parses the vector, writes the descriptor from its fields and compares with the input bytes. */
    static void assertWritesBack(PictureIdDescriptor d, String vector) throws WireFormatException {
        byte[] b = Hex.parse(vector);
        d.wrap(b, 0, b.length);
        byte[] out = new byte[b.length];
        int n = d.writeTo(out, 0);
        assertThat(n).isEqualTo(d.headerLength());
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(b, 0, n));
    }

    /** Every prefix up to the end of the descriptor (so with no codec data) must be refused, naming the codec. */
    static void assertEveryTruncationRejected(PictureIdDescriptor d, String codec, String... vectors)
            throws WireFormatException {
        for (String vector : vectors) {
            byte[] b = Hex.parse(vector);
            int header = d.wrap(b, 0, b.length).headerLength();
            for (int n = 0; n <= header; n++) {
                int len = n;
                assertThatThrownBy(() -> d.wrap(b, 0, len)).as("%d bytes of %s", n, vector)
                        .isInstanceOf(WireFormatException.class).hasMessageContaining(codec);
            }
        }
    }
}
