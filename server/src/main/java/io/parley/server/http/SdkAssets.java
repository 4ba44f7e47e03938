package io.parley.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The built Web SDK, read once from the classpath ({@code io/parley/sdkweb/}, packaged by module
 * {@code sdk-web}) and served at {@code /sdk/}. Pages of any origin may import it (CORS {@code *}),
 * and the SDK then defaults to the server that served it.
 */
final class SdkAssets {
    /** A file of the SDK with the media type it is served as. */
    record Asset(byte[] body, String contentType) {
    }

    private static final String ROOT = "io/parley/sdkweb/";
    private static final Map<String, String> FILES = Map.of(
            "parley-express.js", "text/javascript; charset=utf-8",
            "parley-express.d.ts", "text/plain; charset=utf-8");

    private final Map<String, Asset> assets;

    private SdkAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Loads every SDK file the classpath holds; a build without the SDK serves 404s, never fails start-up. */
    static SdkAssets fromClasspath() {
        return new SdkAssets(load(ROOT, FILES));
    }

    /**
     * Reads each of {@code files} (name to media type) found under the classpath folder {@code root};
     * a file the classpath lacks is left out.
     */
    static Map<String, Asset> load(String root, Map<String, String> files) {
        ClassLoader loader = SdkAssets.class.getClassLoader();
        Map<String, Asset> found = new java.util.HashMap<>();
        files.forEach((name, type) -> {
            try (InputStream in = loader.getResourceAsStream(root + name)) {
                if (in != null) {
                    found.put(name, new Asset(in.readAllBytes(), type));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading the resource " + root + name, e);
            }
        });
        return Map.copyOf(found);
    }

    /** @param path the request path after {@code /sdk/}, e.g. {@code parley-express.js} */
    Optional<Asset> find(String path) {
        return Optional.ofNullable(assets.get(path));
    }
}
