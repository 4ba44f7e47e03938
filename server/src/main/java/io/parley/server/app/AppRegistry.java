package io.parley.server.app;

import java.util.List;
import java.util.Optional;

/** Where the server looks an app up by its AppID: a YAML file's apps in one process, Redis in a cluster. */
public interface AppRegistry {

    /** The app with this AppID, or empty when there is none. */
    Optional<App> find(long appId);

    /** Every app, in a stable order. */
    List<App> all();
}
