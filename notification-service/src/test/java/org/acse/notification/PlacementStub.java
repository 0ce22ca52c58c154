package org.acse.notification;

import org.acse.testsupport.RecordingHttpStub;
import org.acse.testsupport.RecordingHttpStub.Answer;

/**
 * placement-service's decision endpoints as this module's browser test sees them: every call recorded, each answered
 * with the placement in the status the decision leads to.
 */
final class PlacementStub {
    private PlacementStub() {}

    static RecordingHttpStub start() {
        return new RecordingHttpStub("/api/v1/placements/", call -> {
            String[] parts = call.path().split("/");
            String status = switch (parts[5]) {
                case "accept" -> "ACCEPTED";
                case "decline" -> "DECLINED";
                case "cancel" -> "CANCELLED";
                default -> "ARRIVED";
            };
            return Answer.ok("{\"id\":\"" + parts[4] + "\",\"status\":\"" + status + "\"}");
        });
    }
}
