package io.parley.server.config;

import io.parley.server.app.App;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server reads at start: its two listeners and its apps.
 *
 * @param http        the HTTP listener
 * @param media       the UDP media listener
 * @param apps        the apps, at least one, AppIDs unique
 * @param development true when the apps were made up at start by {@link ConfigLoader#development}
 */
public record ParleyConfig(HttpConfig http, MediaConfig media, List<App> apps, boolean development) {

    /** Copies the list and refuses missing parts. */
    public ParleyConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(media, "media");
        apps = List.copyOf(apps);
    }
}
