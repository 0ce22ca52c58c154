package org.acse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiContractComparisonTest {
    @TempDir
    Path dir;

    @Test
    void theOrderOfKeysDoesNotMatterButEveryValueDoes() throws IOException {
        Path file = dir.resolve("svc.openapi.yaml");
        Files.writeString(file, "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      summary: A\n      operationId: getA\n");

        assertThat(OpenApiContract.check(
                        "svc",
                        file,
                        "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: getA\n      summary: A\n"))
                .isNull();
        assertThat(OpenApiContract.check(
                        "svc",
                        file,
                        "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: getA\n      summary: B\n"))
                .contains("/paths/~1a/get/summary")
                .contains("\"A\"")
                .contains("\"B\"")
                .contains("-Dacse.openapi.write")
                .contains("-pl svc");
        assertThat(OpenApiContract.check("svc", file, "openapi: 3.1.0\npaths: {}\n"))
                .contains("no longer serves /paths/~1a");
    }

    @Test
    void aMissingFileIsToldHowToCreate() {
        assertThat(OpenApiContract.check("svc", dir.resolve("none.yaml"), "openapi: 3.1.0\n"))
                .contains("missing")
                .contains("-Dacse.openapi.write");
    }
}
