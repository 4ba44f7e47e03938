package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.bench.load.server.BenchApp;
import io.parley.server.app.App;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenClaims;
import io.parley.server.config.ConfigLoader;
import io.parley.server.config.ParleyConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAppTest {
    @Test
    void theConfigItWritesIsOneTheServerLoadsAndItsTokensVerify(@TempDir Path dir) throws Exception {
        BenchApp bench = BenchApp.random(new SecureRandom());
        ParleyConfig config = ConfigLoader.load(bench.writeConfig(dir.resolve("server.yaml")));
        assertThat(config.http().port()).isZero();
        assertThat(config.media().port()).isZero();
        App loaded = config.apps().get(0);
        assertThat(loaded.appId()).isEqualTo(bench.appId());
        assertThat(loaded.limits().maxUsersPerRoom()).isGreaterThanOrEqualTo(10_000);
        TokenClaims claims = Token04.verify(bench.token("player-7", 60), loaded, "player-7", System.currentTimeMillis() / 1000);
        assertThat(claims).isNotNull();
    }
}
