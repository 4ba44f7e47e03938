package io.parley.server.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed set of apps held in memory, as the embedded server loads them from its YAML file. */
public final class InMemoryAppRegistry implements AppRegistry {
    private final Map<Long, App> byId;
    private final List<App> ordered;

    /** Holds {@code apps}; two apps with one AppID are refused, since a lookup could not tell them apart. */
    public InMemoryAppRegistry(List<App> apps) {
        Map<Long, App> map = new LinkedHashMap<>();
        for (App app : apps) {
            if (map.putIfAbsent(app.appId(), app) != null) {
                throw new IllegalArgumentException("duplicate appID " + app.appId());
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    @Override
    public Optional<App> find(long appId) {
        return Optional.ofNullable(byId.get(appId));
    }

    @Override
    public List<App> all() {
        return ordered;
    }
}
