package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class RtcpSourceDescriptionTest {
    private final byte[] out = new byte[256];

    @Test
    void walksChunksAndItems() throws WireFormatException {
        SourceDescription sdes = new SourceDescription();
        sdes.wrap(RtcpVectors.SDES, 0, RtcpVectors.SDES.length);
        assertThat(sdes.count()).isEqualTo(2);
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.chunkSsrc()).isEqualTo(0x12345678L);
        assertThat(sdes.nextItem()).isTrue();
        assertThat(sdes.itemType()).isEqualTo(SourceDescription.CNAME);
        assertThat(sdes.itemLength()).isEqualTo(2);
        assertThat(sdes.itemOffset()).isEqualTo(10);
        assertThat(sdes.itemText()).isEqualTo("ab");
        assertThat(sdes.nextItem()).isTrue();
        assertThat(sdes.itemType()).isEqualTo(SourceDescription.TOOL);
        assertThat(sdes.itemText()).isEqualTo("x");
        assertThat(sdes.nextItem()).isFalse();
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.chunkSsrc()).isEqualTo(0xabcdef01L);
        assertThat(sdes.nextItem()).isFalse();
        assertThat(sdes.nextChunk()).isFalse();
    }

    @Test
    void skipsTheRestOfAChunkAndRewinds() throws WireFormatException {
        SourceDescription sdes = new SourceDescription();
        sdes.wrap(RtcpVectors.SDES, 0, RtcpVectors.SDES.length);
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.chunkSsrc()).isEqualTo(0xabcdef01L);
        sdes.rewind();
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.chunkSsrc()).isEqualTo(0x12345678L);
    }

    @Test
    void writesBothVectors() {
        int n = new SdesWriter().start(out, 0).chunk(0x12345678L).item(SourceDescription.CNAME, "ab")
                .item(SourceDescription.TOOL, "x").chunk(0xabcdef01L).finish();
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.SDES));
        n = new SdesWriter().start(out, 0).chunk(0x9abcdef0L).item(SourceDescription.CNAME, "parley").finish();
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.SDES_CNAME));
    }

    @Test
    void writerRefusesWhatSdesCannotCarry() {
        SdesWriter writer = new SdesWriter().start(out, 0);
        assertThatThrownBy(() -> writer.item(SourceDescription.CNAME, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("item before chunk");
        writer.chunk(1);
        assertThatThrownBy(() -> writer.item(SourceDescription.END, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.item(SourceDescription.NOTE, "n".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 256");
        SdesWriter many = new SdesWriter().start(new byte[4096], 0);
        for (int i = 0; i < 31; i++) {
            many.chunk(i);
        }
        assertThatThrownBy(() -> many.chunk(31)).isInstanceOf(IllegalStateException.class).hasMessageContaining("31 chunks");
    }

    @Test
    void rejectsAChunkWithoutEnd() {
        byte[] noEnd = Hex.parse("""
                81 ca 00 02   # SC=1 | PT=202 SDES | length=2 words
                12 34 56 78   # chunk 1: SSRC
                01 02 61 62   # item CNAME "ab", then the packet ends without END
                """);
        assertThatThrownBy(() -> new SourceDescription().wrap(noEnd, 0, noEnd.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("item type (no END)");
    }

    @Test
    void rejectsAnItemLongerThanThePacket() {
        byte[] longItem = Hex.parse("""
                81 ca 00 02   # SC=1 | PT=202 SDES | length=2 words
                12 34 56 78   # chunk 1: SSRC
                01 09 61 62   # item CNAME claiming 9 bytes, 2 present
                """);
        assertThatThrownBy(() -> new SourceDescription().wrap(longItem, 0, longItem.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("item text");
    }

    @Test
    void rejectsBytesAfterTheLastChunkAndMissingChunks() {
        byte[] extra = Hex.parse("""
                81 ca 00 03   # SC=1 | PT=202 SDES | length=3 words
                12 34 56 78   # chunk 1: SSRC
                00 00 00 00   # END and padding
                12 34 56 78   # a second chunk SC does not count
                """);
        assertThatThrownBy(() -> new SourceDescription().wrap(extra, 0, extra.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("4 bytes after the last of 1 chunks");
        byte[] missing = extra.clone();
        missing[0] = (byte) 0x83;
        assertThatThrownBy(() -> new SourceDescription().wrap(missing, 0, missing.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("chunk 1");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.SDES, view(SourceDescription::new));
        assertEveryTruncationRejected(RtcpVectors.SDES_CNAME, view(SourceDescription::new));
    }
}
