package io.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void parsesAnnotatedLinesAndIgnoresComments() {
        byte[] b = Hex.parse("""
                00 01 00 58   # Request type and message length
                21 12 a4 42   // Magic cookie
                DE:AD|be ef
                """);
        assertThat(Hex.of(b)).isEqualTo("00010058" + "2112a442" + "deadbeef");
    }

    @Test
    void roundTripsThroughOf() {
        byte[] b = {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff};
        assertThat(Hex.parse(Hex.of(b))).containsExactly(b);
        assertThat(Hex.of(b, 1, 3)).isEqualTo("017f80");
    }

    @Test
    void refusesOddDigitsAndStrayCharacters() {
        assertThatThrownBy(() -> Hex.parse("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> Hex.parse("zz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'");
    }
}
