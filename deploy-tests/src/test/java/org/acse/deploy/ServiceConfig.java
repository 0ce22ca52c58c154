package org.acse.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties asks of its environment in the prod profile. */
record ServiceConfig(String service, Properties properties) {
    /** ${NAME} or ${NAME:default}; only upper-case names are environment variables, dotted ones are properties. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    record Incoming(String channel, String topic, String groupId, String deadLetterTopic) {}

    static ServiceConfig of(String service) {
        Path file = Kustomize.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: the manifests deploy " + service
                    + " but cannot check what its %prod profile needs");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, properties);
    }

    /**
     * A setting as the packaged service sees it in the prod profile: its application.properties, else the defaults
     * every service shares (platform's META-INF/microprofile-config.properties); {@code null} if neither sets it.
     */
    String prodValue(String key) {
        for (Properties p : List.of(properties, platformDefaults())) {
            String value = p.getProperty("%prod." + key, p.getProperty(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Properties platformDefaults() {
        Path file = Kustomize.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            defaults.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults;
    }

    /** Environment variables the prod profile cannot start without (placeholders with no default). */
    Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            if (!key.startsWith("%") && properties.containsKey("%prod." + key)) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    List<Incoming> incoming() {
        List<Incoming> channels = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = INCOMING_TOPIC.matcher(key);
            if (m.matches()) {
                String prefix = "mp.messaging.incoming." + m.group(1) + ".";
                channels.add(new Incoming(
                        m.group(1),
                        properties.getProperty(key),
                        properties.getProperty(prefix + "group.id", service),
                        properties.getProperty(prefix + "dead-letter-queue.topic")));
            }
        }
        return channels;
    }
}
