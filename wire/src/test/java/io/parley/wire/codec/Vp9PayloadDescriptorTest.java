package io.parley.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

/** RFC 9628 §4.2 descriptors in both modes, with and without a scalability structure. */
class Vp9PayloadDescriptorTest {
    private final Vp9PayloadDescriptor d = new Vp9PayloadDescriptor();

    /** Non-flexible mode, first packet of a key picture with the scalability structure (§4.2.1). */
    static final String NON_FLEXIBLE_WITH_SS = """
            ae          # I=1 P=0 L=1 F=0 B=1 E=1 V=1 Z=0
            92 34       # M=1 picture ID=0x1234
            00          # TID=0 U=0 SID=0 D=0
            07          # TL0PICIDX=7
            38          # SS: N_S=1 (2 spatial layers) Y=1 G=1
            02 80 01 68 # layer 0: 640 x 360
            05 00 02 d0 # layer 1: 1280 x 720
            02          # N_G=2 pictures
            04 01       # picture 0: TID=0 U=0 R=1, P_DIFF=1
            34 01       # picture 1: TID=1 U=1 R=1, P_DIFF=1
            82 49 83    # VP9 frame data
            """;

    /** Flexible mode, an inter picture of spatial layer 1 with two references. */
    static final String FLEXIBLE_TWO_REFERENCES = """
            f8          # I=1 P=1 L=1 F=1 B=1 E=0 V=0 Z=0
            05          # M=0 picture ID=5
            53          # TID=2 U=1 SID=1 D=1
            03          # P_DIFF=1 N=1
            04          # P_DIFF=2 N=0
            aa          # VP9 frame data
            """;

    /** Non-flexible mode, the spatial layer 1 frame of a key picture. */
    static final String UPPER_SPATIAL_LAYER = """
            a9          # I=1 P=0 L=1 F=0 B=1 E=0 V=0 Z=1
            05          # picture ID=5
            03          # TID=0 U=0 SID=1 D=1
            00          # TL0PICIDX=0
            aa
            """;

    static final String MINIMAL = """
            0c          # B=1 E=1, nothing else
            aa
            """;

    private Vp9PayloadDescriptor parse(String hex) throws WireFormatException {
        byte[] b = Hex.parse(hex);
        return d.wrap(b, 0, b.length);
    }

    @Test
    void nonFlexibleWithScalabilityStructure() throws WireFormatException {
        parse(NON_FLEXIBLE_WITH_SS);
        assertThat(d.headerLength()).isEqualTo(19);
        assertThat(d.flexibleMode()).isFalse();
        assertThat(d.interPicture()).isFalse();
        assertThat(d.startOfFrame()).isTrue();
        assertThat(d.endOfFrame()).isTrue();
        assertThat(d.notReferenceForUpperLayers()).isFalse();
        assertThat(d.pictureId()).isEqualTo(0x1234);
        assertThat(d.longPictureId()).isTrue();
        assertThat(d.hasLayerIndices()).isTrue();
        assertThat(d.temporalLayer()).isZero();
        assertThat(d.spatialLayer()).isZero();
        assertThat(d.tl0PicIdx()).isEqualTo(7);
        assertThat(d.references()).isZero();
        assertThat(d.isKeyframe()).isTrue();
        Vp9ScalabilityStructure ss = d.scalabilityStructure();
        assertThat(d.hasScalabilityStructure()).isTrue();
        assertThat(ss.spatialLayers()).isEqualTo(2);
        assertThat(ss.hasResolutions()).isTrue();
        assertThat(ss.width(0)).isEqualTo(640);
        assertThat(ss.height(0)).isEqualTo(360);
        assertThat(ss.width(1)).isEqualTo(1280);
        assertThat(ss.height(1)).isEqualTo(720);
        assertThat(ss.hasPictureGroup()).isTrue();
        assertThat(ss.pictures()).isEqualTo(2);
        assertThat(ss.pictureTemporalLayer(1)).isEqualTo(1);
        assertThat(ss.pictureSwitchingPoint(1)).isTrue();
        assertThat(ss.pictureReferences(0)).isEqualTo(1);
        assertThat(ss.pictureReferenceDiff(0, 0)).isEqualTo(1);
        DescriptorVectors.assertWritesBack(d, NON_FLEXIBLE_WITH_SS);
    }

    @Test
    void flexibleWithReferences() throws WireFormatException {
        parse(FLEXIBLE_TWO_REFERENCES);
        assertThat(d.flexibleMode()).isTrue();
        assertThat(d.interPicture()).isTrue();
        assertThat(d.pictureId()).isEqualTo(5);
        assertThat(d.temporalLayer()).isEqualTo(2);
        assertThat(d.switchingUpPoint()).isTrue();
        assertThat(d.spatialLayer()).isEqualTo(1);
        assertThat(d.interLayerDependency()).isTrue();
        assertThat(d.tl0PicIdx()).as("no TL0PICIDX in flexible mode").isEqualTo(Vp9PayloadDescriptor.NONE);
        assertThat(d.references()).isEqualTo(2);
        assertThat(d.referenceDiff(0)).isEqualTo(1);
        assertThat(d.referenceDiff(1)).isEqualTo(2);
        assertThat(d.isKeyframe()).isFalse();
        DescriptorVectors.assertWritesBack(d, FLEXIBLE_TWO_REFERENCES);
    }

    @Test
    void keyframeOnlyOnTheBaseSpatialLayer() throws WireFormatException {
        parse(UPPER_SPATIAL_LAYER);
        assertThat(d.spatialLayer()).isEqualTo(1);
        assertThat(d.notReferenceForUpperLayers()).isTrue();
        assertThat(d.isKeyframe()).isFalse();
        DescriptorVectors.assertWritesBack(d, UPPER_SPATIAL_LAYER);
        parse(MINIMAL);
        assertThat(d.hasLayerIndices()).isFalse();
        assertThat(d.spatialLayer()).isEqualTo(Vp9PayloadDescriptor.NONE);
        assertThat(d.isKeyframe()).isTrue();
        DescriptorVectors.assertWritesBack(d, MINIMAL);
        parse("04 aa   # B=0 E=1: not the start of the frame");
        assertThat(d.isKeyframe()).isFalse();
    }

    @Test
    void rewritesInPlace() throws WireFormatException {
        byte[] b = Hex.parse(NON_FLEXIBLE_WITH_SS);
        d.wrap(b, 0, b.length);
        assertThat(d.rewritePictureId(0x7fff + 2)).isTrue();
        assertThat(d.rewriteTl0PicIdx(8)).isTrue();
        assertThat(Hex.of(b, 1, 4)).isEqualTo("80010008"); // M=1 id=1, layer byte, TL0PICIDX=8
        assertThat(new Vp9PayloadDescriptor().wrap(b, 0, b.length).pictureId()).isEqualTo(1);
        byte[] f = Hex.parse(FLEXIBLE_TWO_REFERENCES);
        d.wrap(f, 0, f.length);
        assertThat(d.rewriteTl0PicIdx(1)).isFalse();
        assertThat(d.rewritePictureId(130)).isTrue();
        assertThat(f[1]).isEqualTo((byte) 2);
    }

    @Test
    void aFourthReferenceIsRejected() {
        byte[] b = Hex.parse("""
                f8 05 53    # flexible, P=1, layer indices
                03 03 03    # three P_DIFFs, each with N=1
                02          # a fourth
                aa
                """);
        assertThatThrownBy(() -> d.wrap(b, 0, b.length)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("more than 3");
    }

    @Test
    void everyTruncationIsRejected() throws WireFormatException {
        DescriptorVectors.assertEveryTruncationRejected(d, "VP9", NON_FLEXIBLE_WITH_SS, FLEXIBLE_TWO_REFERENCES,
                UPPER_SPATIAL_LAYER, MINIMAL);
        assertThatThrownBy(() -> d.wrap(new byte[2], 1, 2)).isInstanceOf(WireFormatException.class);
    }
}
