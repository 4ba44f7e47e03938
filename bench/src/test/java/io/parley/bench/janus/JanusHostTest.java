package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What JanusHost reads of janus-host.sh; starting it needs root and is JanusSmoke's job. */
class JanusHostTest {
    @Test
    void the_status_line_gives_pid_api_and_our_address() throws Exception {
        var m = JanusHost.parseStatus("installing...\npid=4242 api=http://10.213.0.2:8088/janus log=/tmp/j.log ns=parley-janus "
                + "host_ip=10.213.0.1 janus_ip=10.213.0.2\n");
        assertThat(m).containsEntry("pid", "4242").containsEntry("api", "http://10.213.0.2:8088/janus")
                .containsEntry("host_ip", "10.213.0.1");
    }

    @Test
    void output_without_a_status_line_is_a_clear_error() {
        assertThatThrownBy(() -> JanusHost.parseStatus("[janus-host] error: must run as root\n"))
                .isInstanceOf(JanusException.class).hasMessageContaining("printed no \"pid=");
        assertThatThrownBy(() -> JanusHost.parseStatus("pid=1 api=x\n")).hasMessageContaining("printed no");
    }

    @Test
    void the_script_is_found_from_the_module_directory_and_is_executable() throws Exception {
        var script = JanusHost.script();
        assertThat(script.getFileName()).hasToString("janus-host.sh");
        assertThat(Files.isExecutable(script)).isTrue();
    }
}
