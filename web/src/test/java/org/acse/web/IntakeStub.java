package org.acse.web;

import java.util.UUID;
import org.acse.testsupport.RecordingHttpStub;
import org.acse.testsupport.RecordingHttpStub.Answer;
import org.acse.testsupport.RecordingHttpStub.Call;

/**
 * intake-service as this module's tests see it: a referral list, one referral, submissions (an unknown commune code
 * is a 400 naming the field, as intake answers) and withdrawals, every call recorded.
 */
final class IntakeStub {
    static final UUID REFERRAL = UUID.fromString("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f");
    static final String PSEUDONYM = "R-STUB0001";

    private IntakeStub() {}

    static RecordingHttpStub start() {
        return new RecordingHttpStub("/api/v1/referrals", IntakeStub::answer);
    }

    private static Answer answer(Call call) {
        if (call.method().equals("POST") && call.path().equals("/api/v1/referrals")) {
            return call.body().contains("\"99999\"")
                    ? new Answer(
                            400,
                            "{\"type\":\"urn:acse:problem:validation\",\"title\":\"Invalid request\",\"status\":400,"
                                    + "\"errors\":[{\"field\":\"dangerZones[0].communeCode\",\"message\":\"unknown commune\"}]}")
                    : new Answer(
                            201,
                            "{\"id\":\"" + REFERRAL + "\",\"status\":\"SUBMITTED\",\"pseudonym\":\"" + PSEUDONYM
                                    + "\"}");
        }
        String summary = "{\"id\":\"" + REFERRAL + "\",\"pseudonym\":\"" + PSEUDONYM + "\",\"status\":\"SEARCHING\","
                + "\"urgency\":\"IMMEDIATE\",\"submittedAt\":\"2026-12-01T09:00:00Z\",\"updatedAt\":\"2026-12-01T09:00:02Z\"";
        return Answer.ok(
                call.path().endsWith("/referrals")
                        ? "{\"items\":[" + summary + "}],\"page\":0,\"size\":20,\"total\":1}"
                        : summary + ",\"timeline\":[{\"status\":\"SUBMITTED\",\"at\":\"2026-12-01T09:00:00Z\"}]}");
    }
}
