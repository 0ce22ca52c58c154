package org.acse.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * A service's REST contract, committed as {@code api/<service>.openapi.yaml}: the document the service serves must be
 * that file, so that a change of the API shows in review. They are compared as documents (the order of a schema's
 * keywords may change from one build to the next; nothing else may). With {@code -Dacse.openapi.write} the test
 * writes the served document over the file when they differ, instead of failing.
 */
public final class OpenApiContract {
    public static final String WRITE_PROPERTY = "acse.openapi.write";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiContract() {}

    /** Surefire runs the tests in the module's folder; {@code api/} is beside it. */
    public static Path committed(String service) {
        return Path.of("").toAbsolutePath().getParent().resolve("api").resolve(service + ".openapi.yaml");
    }

    /** Null when the served document is the committed one (or was just written), else what the developer should do. */
    public static String check(String service, String served) {
        return check(service, committed(service), served);
    }

    static String check(String service, Path file, String served) {
        String name = "api/" + file.getFileName();
        try {
            String difference = Files.exists(file)
                    ? firstDifference("", read(Files.readString(file, StandardCharsets.UTF_8)), read(served))
                    : "it is missing";
            if (difference == null) {
                return null;
            }
            if (writeAsked()) {
                Files.writeString(file, served.replace("\r\n", "\n").stripTrailing() + "\n", StandardCharsets.UTF_8);
                return null;
            }
            return name + " is not the document the service serves: " + difference + ". If the API change is"
                    + " intended, regenerate it with `./mvnw -q -pl " + service + " -am verify"
                    + " -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY
                    + "`, lint it and commit it with the change (CONTRIBUTING.md, \"Changing the API\").";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean writeAsked() {
        String value = System.getProperty(WRITE_PROPERTY);
        return value != null && !value.equalsIgnoreCase("false");
    }

    private static JsonNode read(String yaml) throws JsonProcessingException {
        return YAML.readTree(yaml);
    }

    /** The JSON pointer of the first difference, with both sides, or null. */
    private static String firstDifference(String at, JsonNode committed, JsonNode served) {
        if (committed.equals(served)) {
            return null;
        }
        if (committed.isObject() && served.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = committed.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (!served.has(field.getKey())) {
                    return "the service no longer serves " + path;
                }
                String inner = firstDifference(path, field.getValue(), served.get(field.getKey()));
                if (inner != null) {
                    return inner;
                }
            }
            for (Iterator<String> it = served.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!committed.has(key)) {
                    return "the service serves a new " + at + "/"
                            + key.replace("~", "~0").replace("/", "~1");
                }
            }
        }
        if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                String inner = firstDifference(at + "/" + i, committed.get(i), served.get(i));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return "at " + (at.isEmpty() ? "/" : at) + " the file has " + abbreviated(committed) + ", the service "
                + abbreviated(served);
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
