package io.parley.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** RFC 7741 §4.2 descriptors written as annotated hex, each parsed, checked, written and compared. */
class Vp8PayloadDescriptorTest {
    private final Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();

    /** S=1 PID=0, no extension, then a key frame's payload header. */
    static final String KEYFRAME_MINIMAL = """
            10          # X=0 R=0 N=0 S=1 R=0 PID=0
            10 02 00    # VP8 payload header: size0=0 H(show)=1 VER=0 P=0 (key frame)
            9d 01 2a    # key frame start code
            """;

    /** The full extension: 15-bit picture ID, TL0PICIDX, TID/Y/KEYIDX. */
    static final String FULL_EXTENSION = """
            90          # X=1 N=0 S=1 PID=0
            f0          # I=1 L=1 T=1 K=1
            80 01       # M=1 picture ID=1 (15 bits)
            05          # TL0PICIDX=5
            6a          # TID=1 Y=1 KEYIDX=10
            31 aa bb    # VP8 payload header: P=1 (inter frame)
            """;

    /** 7-bit picture ID, N=1, continuation of a partition. */
    static final String SHORT_PICTURE_ID = """
            a1          # X=1 N=1 S=0 PID=1
            80          # I=1
            12          # M=0 picture ID=18
            ff ee       # partition data
            """;

    private Vp8PayloadDescriptor parse(String hex) throws WireFormatException {
        byte[] b = Hex.parse(hex);
        return d.wrap(b, 0, b.length);
    }

    @Test
    void minimalKeyframe() throws WireFormatException {
        parse(KEYFRAME_MINIMAL);
        assertThat(d.headerLength()).isEqualTo(1);
        assertThat(d.startOfPartition()).isTrue();
        assertThat(d.partitionIndex()).isZero();
        assertThat(d.pictureId()).isEqualTo(Vp8PayloadDescriptor.NONE);
        assertThat(d.tl0PicIdx()).isEqualTo(Vp8PayloadDescriptor.NONE);
        assertThat(d.temporalLayer()).isEqualTo(Vp8PayloadDescriptor.NONE);
        assertThat(d.keyIdx()).isEqualTo(Vp8PayloadDescriptor.NONE);
        assertThat(d.isKeyframe()).isTrue();
        assertThat(d.payloadOffset()).isEqualTo(1);
        assertThat(d.payloadLength()).isEqualTo(6);
        DescriptorVectors.assertWritesBack(d, KEYFRAME_MINIMAL);
    }

    @Test
    void fullExtension() throws WireFormatException {
        parse(FULL_EXTENSION);
        assertThat(d.headerLength()).isEqualTo(6);
        assertThat(d.pictureId()).isEqualTo(1);
        assertThat(d.longPictureId()).isTrue();
        assertThat(d.tl0PicIdx()).isEqualTo(5);
        assertThat(d.temporalLayer()).isEqualTo(1);
        assertThat(d.layerSync()).isTrue();
        assertThat(d.keyIdx()).isEqualTo(10);
        assertThat(d.isKeyframe()).as("P=1 in the payload header").isFalse();
        DescriptorVectors.assertWritesBack(d, FULL_EXTENSION);
    }

    @Test
    void shortPictureIdAndNotAPartitionStart() throws WireFormatException {
        parse(SHORT_PICTURE_ID);
        assertThat(d.nonReference()).isTrue();
        assertThat(d.startOfPartition()).isFalse();
        assertThat(d.partitionIndex()).isEqualTo(1);
        assertThat(d.pictureId()).isEqualTo(18);
        assertThat(d.longPictureId()).isFalse();
        assertThat(d.isKeyframe()).isFalse();
        DescriptorVectors.assertWritesBack(d, SHORT_PICTURE_ID);
    }

    @Test
    void keyframeNeedsPartitionZero() throws WireFormatException {
        parse("11 10 02 00   # S=1 PID=1: not the first partition, though P=0");
        assertThat(d.isKeyframe()).isFalse();
        parse("00 10 02 00   # S=0");
        assertThat(d.isKeyframe()).isFalse();
    }

    @Test
    void writesFromFields() {
        byte[] out = new byte[8];
        int n = Vp8PayloadDescriptor.write(out, 0, false, true, 0, 0x1234, true, 7, 2, false, Vp8PayloadDescriptor.NONE);
        assertThat(Hex.of(Arrays.copyOf(out, n))).isEqualTo(Hex.of(Hex.parse("""
                90       # X=1 S=1
                e0       # I=1 L=1 T=1 K=0
                92 34    # M=1 picture ID=0x1234
                07       # TL0PICIDX
                80       # TID=2 Y=0
                """)));
    }

    @Test
    void rewritesInPlaceKeepingTheWidth() throws WireFormatException {
        byte[] b = Hex.parse(FULL_EXTENSION);
        d.wrap(b, 0, b.length);
        assertThat(d.rewritePictureId(0x8123)).isTrue();
        assertThat(d.rewriteTl0PicIdx(300)).isTrue();
        assertThat(Hex.of(b, 2, 3)).isEqualTo("81232c"); // M=1 and 0x0123, then 300 mod 256
        assertThat(d.pictureId()).isEqualTo(0x0123);
        assertThat(d.tl0PicIdx()).isEqualTo(44);
        assertThat(new Vp8PayloadDescriptor().wrap(b, 0, b.length).pictureId()).isEqualTo(0x0123);

        byte[] s = Hex.parse(SHORT_PICTURE_ID);
        d.wrap(s, 0, s.length);
        d.rewritePictureId(200);
        assertThat(s[2]).isEqualTo((byte) 72);
        assertThat(d.rewriteTl0PicIdx(1)).as("no TL0PICIDX to rewrite").isFalse();
        byte[] m = Hex.parse(KEYFRAME_MINIMAL);
        assertThat(d.wrap(m, 0, m.length).rewritePictureId(1)).isFalse();
    }

    @Test
    void everyTruncationIsRejected() throws WireFormatException {
        DescriptorVectors.assertEveryTruncationRejected(d, "VP8", KEYFRAME_MINIMAL, FULL_EXTENSION, SHORT_PICTURE_ID);
    }

    @Test
    void rangeOutsideTheBuffer() {
        byte[] b = Hex.parse(KEYFRAME_MINIMAL);
        assertThatThrownBy(() -> d.wrap(b, 3, b.length)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> d.wrap(b, -1, 2)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> d.wrap(null, 0, 0)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void readsAtAnOffset() throws WireFormatException {
        byte[] b = Hex.parse("ee ee " + "90 80 05 31  # X S, I, picture ID 5, payload");
        d.wrap(b, 2, 4);
        assertThat(d.pictureId()).isEqualTo(5);
        assertThat(d.payloadOffset()).isEqualTo(5);
    }
}
