package org.acse.web;

import java.util.UUID;
import org.acse.testsupport.RecordingHttpStub;
import org.acse.testsupport.RecordingHttpStub.Answer;
import org.acse.testsupport.RecordingHttpStub.Call;

/**
 * placement-service as this module's tests see it for a shelter team: their one shelter with a free unit not
 * confirmed for long and an occupied one, availability changes (an unknown status is a 400 naming the field, as
 * placement answers), and the shelter's placements, every call recorded.
 */
final class PlacementStub {
    static final UUID SHELTER = UUID.fromString("5a0e7c1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d");
    static final UUID FREE_UNIT = UUID.fromString("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9");
    static final UUID OCCUPIED_UNIT = UUID.fromString("2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a");
    static final String FREE_FROM = "2026-12-01T07:00:00Z";

    private PlacementStub() {}

    static RecordingHttpStub start() {
        return new RecordingHttpStub("/api/v1", PlacementStub::answer);
    }

    private static Answer answer(Call call) {
        String path = call.path();
        if (call.method().equals("PUT") && path.endsWith("/availability")) {
            return call.body().contains("\"BROKEN\"")
                    ? new Answer(
                            400,
                            "{\"type\":\"urn:acse:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
                                    + "\"errors\":[{\"field\":\"status\",\"message\":\"must be one of FREE, HELD,"
                                    + " OCCUPIED, OUT_OF_SERVICE\"}]}")
                    : Answer.ok("{\"id\":\"" + FREE_UNIT + "\",\"capacity\":2,\"status\":\"FREE\","
                            + "\"lastConfirmedAt\":\"2026-12-01T10:00:00Z\",\"stale\":false}");
        }
        if (path.equals("/api/v1/shelters")) {
            return Answer.ok("{\"items\":[{\"id\":\"" + SHELTER + "\",\"code\":\"NICE-01\",\"name\":\"Maison Azur\","
                    + "\"communeCode\":\"06088\",\"departmentCode\":\"06\",\"active\":true,\"units\":2,"
                    + "\"freeUnits\":1}],\"page\":0,\"size\":1,\"total\":1}");
        }
        if (path.equals("/api/v1/shelters/" + SHELTER)) {
            return Answer.ok("{\"id\":\"" + SHELTER + "\",\"code\":\"NICE-01\",\"name\":\"Maison Azur\",\"units\":["
                    + "{\"id\":\"" + FREE_UNIT + "\",\"capacity\":2,\"status\":\"FREE\",\"availableFrom\":\""
                    + FREE_FROM + "\",\"lastConfirmedAt\":\"2026-11-20T08:00:00Z\",\"stale\":true},"
                    + "{\"id\":\"" + OCCUPIED_UNIT + "\",\"capacity\":4,\"status\":\"OCCUPIED\","
                    + "\"availableFrom\":\"2026-12-05T09:00:00Z\",\"lastConfirmedAt\":\"2026-12-01T08:00:00Z\","
                    + "\"stale\":false}]}");
        }
        if (path.endsWith("/matching")) {
            // A registry of 250 shelters explained: the first verdicts only (the page asks for a limit), every
            // shelter counted by the constraint that excluded it.
            return Answer.ok("{\"referralId\":\"" + UUID.randomUUID() + "\",\"sheltersConsidered\":250,\"eligible\":1,"
                    + "\"excluded\":{\"TOO_CLOSE_TO_DANGER_ZONE\":200,\"GENDER_NOT_ACCEPTED\":49},\"shelters\":["
                    + "{\"shelterId\":\"" + SHELTER + "\",\"shelterCode\":\"LYON-01\",\"eligible\":true,\"rank\":1,"
                    + "\"unitId\":\"" + FREE_UNIT + "\",\"score\":{\"total\":0.8}},"
                    + "{\"shelterId\":\"" + UUID.randomUUID() + "\",\"shelterCode\":\"AAA-01\",\"eligible\":false,"
                    + "\"exclusion\":\"GENDER_NOT_ACCEPTED\"}]}");
        }
        if (path.equals("/api/v1/placements")) {
            return Answer.ok("{\"items\":["
                    + placement("HELD", null, "2026-12-01T09:00:00Z", null) + ","
                    + placement("DECLINED", "LANGUAGE_BARRIER", "2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z")
                    + "," + placement("ARRIVED", null, "2026-11-28T09:00:00Z", "2026-11-28T18:00:00Z")
                    + "],\"page\":0,\"size\":20,\"total\":45}");
        }
        return new Answer(404, "{\"type\":\"urn:acse:problem:not-found\",\"title\":\"Not found\",\"status\":404}");
    }

    private static String placement(String status, String reason, String created, String decided) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"referralId\":\"" + UUID.randomUUID() + "\",\"shelterId\":\""
                + SHELTER + "\",\"unitId\":\"" + FREE_UNIT + "\",\"status\":\"" + status + "\",\"manual\":false,"
                + "\"declineReason\":" + (reason == null ? "null" : "\"" + reason + "\"") + ",\"createdAt\":\""
                + created + "\",\"decidedAt\":" + (decided == null ? "null" : "\"" + decided + "\"") + "}";
    }
}
