package io.parley.sdk.media.ivf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.sdk.media.MediaFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Round-trip fuzz target of the IVF container: a file that reads must write back to the same bytes
 * (up to the unused header field) and read again; anything else must fail with a
 * {@link MediaFormatException}. Seeds: {@code IvfFuzzTestInputs/file/}.
 */
class IvfFuzzTest {

    @FuzzTest
    void file(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int frames = 0;
        int end;
        try (IvfReader r = new IvfReader(new ByteArrayInputStream(data));
             IvfWriter w = new IvfWriter(out, r.header())) {
            end = IvfHeader.LENGTH;
            for (IvfFrame f; (f = r.next()) != null; ) {
                w.writeFrame(f.data(), 0, f.data().length, f.pts());
                frames++;
                end += IvfFrame.HEADER_LENGTH + f.data().length;
            }
        } catch (MediaFormatException e) {
            return;
        }
        byte[] written = out.toByteArray();
        byte[] expected = Arrays.copyOf(data, end);
        Arrays.fill(expected, 28, 32, (byte) 0); // the unused field is written as zero
        if (!Arrays.equals(written, expected)) {
            throw new AssertionError("IVF did not write back for " + io.parley.testkit.Hex.of(data));
        }
        try (IvfReader again = new IvfReader(new ByteArrayInputStream(written))) {
            int n = 0;
            while (again.next() != null) {
                n++;
            }
            if (n != frames) {
                throw new AssertionError("IVF frame count changed for " + io.parley.testkit.Hex.of(data));
            }
        }
    }
}
