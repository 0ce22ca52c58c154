package org.acse.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.acse.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every operation of the suite shares, written once for the three services' OpenAPI documents: each 4xx
 * is a problem document ({@code Problem}, platform's static {@code META-INF/openapi.yaml}); a secured operation may
 * answer 401 and 403, one with a path parameter 404, one with a body 413 ({@link org.acse.platform.problem.BodyLimit})
 * and 415. Resources declare only what is their own (201, 409, 422, a 400 of their parameters).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String> GENERIC = Map.of(
            "400", "Invalid request: `errors` names every offending field (never its value).",
            "401", "No bearer token, or an expired one, or one from another issuer.",
            "403", "The caller's role does not allow this operation.",
            "404", "Not found, or it belongs to another organisation or shelter (the answer is the same).",
            "409", "The current state refuses this change.",
            "410", "Gone: the personal data were erased after the retention period.",
            "413", "The request body is too large.",
            "415", "The body must be JSON (`Content-Type: application/json`).",
            "422", "Refused by a rule of the network.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                complete(operation, item);
            }
        }
    }

    private static void complete(Operation operation, PathItem item) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401");
            add(responses, "403");
        }
        if (hasParameter(operation, Parameter.In.PATH) || hasPathParameter(item)) {
            add(responses, "404");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "400");
            add(responses, "413");
            add(responses, "415");
        } else if (hasParameter(operation, Parameter.In.QUERY) || hasParameter(operation, Parameter.In.HEADER)) {
            add(responses, "400"); // paging and filters are checked, and named when wrong
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") && response.getRef() == null) {
                asProblem(code, response);
            }
        });
    }

    private static void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse());
        }
    }

    /** The platform's wording unless the resource wrote its own; the content is always the one problem schema. */
    private static void asProblem(String code, APIResponse response) {
        String description = response.getDescription();
        if (description == null || description.isBlank() || isQuarkusDefault(description)) {
            response.setDescription(GENERIC.getOrDefault(code, "Client error."));
        }
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }

    /** What Quarkus writes for the responses it adds itself. */
    private static boolean isQuarkusDefault(String description) {
        return description.equals("Not Authorized")
                || description.equals("Not Allowed")
                || description.equals("Bad Request");
    }

    private static boolean hasParameter(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == in);
    }

    private static boolean hasPathParameter(PathItem item) {
        return item.getParameters() != null
                && item.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }
}
