package org.acse.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.acse.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;

/** The REST contract this service serves is the one committed in api/ (CONTRIBUTING.md, "Changing the API"). */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentIsTheCommittedOne() {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(OpenApiContract.check("notification-service", served))
                .as("the OpenAPI document")
                .isNull();
    }
}
