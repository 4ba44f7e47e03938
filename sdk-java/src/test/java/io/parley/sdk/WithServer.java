package io.parley.sdk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/** A test class whose every test gets a fresh in-process server, closed (with its engines) after it. */
@Timeout(60)
abstract class WithServer {
    SdkServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new SdkServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
