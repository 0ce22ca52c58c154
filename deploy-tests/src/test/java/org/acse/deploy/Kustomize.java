package org.acse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an overlay with the real {@code kubectl kustomize} and parses the objects it prints. */
final class Kustomize {
    static final Path ROOT =
            Path.of(System.getProperty("acse.repo.root", "..")).toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {}

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    static Stream<JsonNode> kind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    static Optional<JsonNode> named(List<JsonNode> objects, String kind, String name) {
        return kind(objects, kind)
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    /** The (first) container of a Deployment: the service itself. */
    static JsonNode container(List<JsonNode> objects, String deployment) {
        return named(objects, "Deployment", deployment)
                .orElseThrow()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl not found (PATH or $KUBECTL): the k8s/ manifests cannot be checked. "
                + "Install it (apt-get install kubectl; .ci/run does) and run again.");
    }

    private static List<JsonNode> run(String overlay) {
        Path dir = ROOT.resolve("k8s/overlays").resolve(overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(
                            "kubectl kustomize " + dir + " failed:\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                List<JsonNode> objects = new ArrayList<>();
                try (MappingIterator<JsonNode> docs =
                        YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && doc.isObject()) {
                            objects.add(doc);
                        }
                    }
                }
                return objects;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + overlay, e);
        }
    }
}
