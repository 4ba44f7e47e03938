package io.parley.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads the server's YAML file ({@code docs/configuration.md}) or makes up a development
 * configuration. Every problem is a {@link ConfigException} that names the file and the key.
 */
public final class ConfigLoader {
    /** Larger than any sane configuration; a bigger file is a mistake, not a config. */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> TOP_KEYS = Set.of("http", "media", "apps");
    private static final Set<String> LISTENER_KEYS = Set.of("host", "port");
    private static final Set<String> APP_KEYS = Set.of("appID", "appSign", "serverSecret", "allowAppSignLogin", "limits");
    private static final Set<String> LIMIT_KEYS = Set.of("maxUsersPerRoom", "maxRoomsPerUser",
            "broadcastPerSecondPerRoom", "requestsPerSecondPerSession");

    private ConfigLoader() {
    }

    /**
     * Reads and checks {@code yamlFile}. It does not log: the caller reports the exception once
     * ({@code serve} logs it and exits, {@code token} prints it to standard error, whose standard
     * output must hold the token alone).
     */
    public static ParleyConfig load(Path yamlFile) throws ConfigException {
        return parse(yamlFile);
    }

    /**
     * One app made up from {@code random}: a uint32 AppID, a 32-byte AppSign and a 32-character
     * alphanumeric ServerSecret, AppSign login on, default limits, loopback listeners.
     */
    public static ParleyConfig development(SecureRandom random) {
        long appId = 1 + (random.nextInt() & 0xFFFF_FFFFL) % App.MAX_APP_ID;
        byte[] sign = new byte[32];
        random.nextBytes(sign);
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        App app = new App(appId, HexFormat.of().formatHex(sign), secret.toString(), true, AppLimits.DEFAULT);
        return new ParleyConfig(HttpConfig.DEFAULT, MediaConfig.DEFAULT, List.of(app), true);
    }

    private static ParleyConfig parse(Path file) throws ConfigException {
        ConfigNode root = new ConfigNode(file, "", readTree(file)).requireMapping(TOP_KEYS);
        HttpConfig http = HttpConfig.DEFAULT;
        ConfigNode httpNode = root.get("http");
        if (httpNode != null) {
            http = new HttpConfig(host(httpNode, http.host()), port(httpNode, http.port()));
        }
        MediaConfig media = MediaConfig.DEFAULT;
        ConfigNode mediaNode = root.get("media");
        if (mediaNode != null) {
            media = new MediaConfig(host(mediaNode, media.host()), port(mediaNode, media.port()));
        }
        List<App> apps = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<ConfigNode> appNodes = root.require("apps").elements();
        if (appNodes.isEmpty()) {
            throw root.require("apps").error("must list at least one app");
        }
        for (ConfigNode appNode : appNodes) {
            App app = app(appNode);
            if (!seen.add(app.appId())) {
                throw appNode.require("appID").error("repeats appID " + app.appId() + "; each app needs its own");
            }
            apps.add(app);
        }
        return new ParleyConfig(http, media, apps, false);
    }

    private static JsonNode readTree(Path file) throws ConfigException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ConfigException(file + ": larger than " + MAX_FILE_BYTES + " bytes; not a configuration file");
            }
            YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            JsonNode tree = mapper.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException(file + ": the file is empty");
            }
            return tree;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (JacksonException e) {
            // Jackson's message can quote the line it failed on, which may hold a secret; keep only where.
            throw new ConfigException(file + ": not valid YAML at " + location(e) + ": " + problem(e), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e, e);
        }
    }

    /**
     * The parser's own words without the snippets of the file it quotes, which may hold a secret:
     * the lines that are not indented and not "in ..." positions, long quoted tokens masked.
     */
    private static String problem(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (String line : String.valueOf(e.getOriginalMessage()).split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith("in ")) {
                continue;
            }
            out.append(out.isEmpty() ? "" : "; ").append(line.replaceAll("'[^'\\s]{16,}'", "'...'").strip());
        }
        return out.isEmpty() ? "syntax error" : out.toString();
    }

    private static String location(JacksonException e) {
        var where = e.getLocation();
        return where == null ? "an unknown place" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static String host(ConfigNode listener, String fallback) throws ConfigException {
        listener.requireMapping(LISTENER_KEYS);
        ConfigNode host = listener.get("host");
        if (host == null) {
            return fallback;
        }
        String value = host.text();
        if (value.isBlank()) {
            throw host.error("must not be empty");
        }
        return value;
    }

    private static int port(ConfigNode listener, int fallback) throws ConfigException {
        ConfigNode port = listener.get("port");
        return port == null ? fallback : port.intValue(0, 65535);
    }

    private static App app(ConfigNode node) throws ConfigException {
        node.requireMapping(APP_KEYS);
        long appId = node.require("appID").longValue(1, App.MAX_APP_ID);
        String appSign = node.require("appSign").text();
        if (appSign.length() != 64 || !appSign.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw node.require("appSign").error("must be 64 hex characters (32 bytes), got "
                    + appSign.length() + " characters");
        }
        String secret = node.require("serverSecret").text();
        if (secret.length() != 32 || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw node.require("serverSecret").error("must be exactly 32 printable ASCII characters, got "
                    + secret.length() + " characters");
        }
        ConfigNode allow = node.get("allowAppSignLogin");
        boolean allowAppSign = allow == null || allow.bool();
        AppLimits limits = limits(node.get("limits"));
        try {
            return new App(appId, appSign, secret, allowAppSign, limits);
        } catch (IllegalArgumentException e) {
            throw node.error("is not a valid app: " + e.getMessage());
        }
    }

    private static AppLimits limits(ConfigNode node) throws ConfigException {
        AppLimits d = AppLimits.DEFAULT;
        if (node == null) {
            return d;
        }
        node.requireMapping(LIMIT_KEYS);
        return new AppLimits(
                intOr(node, "maxUsersPerRoom", d.maxUsersPerRoom()),
                intOr(node, "maxRoomsPerUser", d.maxRoomsPerUser()),
                intOr(node, "broadcastPerSecondPerRoom", d.broadcastPerSecondPerRoom()),
                intOr(node, "requestsPerSecondPerSession", d.requestsPerSecondPerSession()));
    }

    private static int intOr(ConfigNode mapping, String key, int fallback) throws ConfigException {
        ConfigNode value = mapping.get(key);
        return value == null ? fallback : value.intValue(1, Integer.MAX_VALUE);
    }
}
