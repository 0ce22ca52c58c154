package org.acse.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveEventsTest {
    @Test
    void aNewProposalIsToldAsSuchWithItsIdOnly() {
        assertThat(LiveEvents.of("""
                        {"type":"alert","alert":{"id":"a1","kind":"PROPOSAL","status":"OPEN","pseudonym":"R-1",
                        "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z"},"referral":null}""")).contains(new LiveEvents.Relay("proposal", "a1"));
    }

    @Test
    void anyOtherAlertChangeIsAnAlert() {
        assertThat(LiveEvents.of("""
                        {"type":"alert","alert":{"id":"a1","kind":"PROPOSAL","status":"ACKNOWLEDGED",
                        "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:05:00Z"}}""")).contains(new LiveEvents.Relay("alert", "a1"));
        assertThat(LiveEvents.of(
                        "{\"type\":\"alert\",\"alert\":{\"id\":\"a2\",\"kind\":\"NO_SHOW\",\"status\":\"OPEN\"}}"))
                .contains(new LiveEvents.Relay("alert", "a2"));
    }

    @Test
    void aReferralStatusIsToldWithTheReferralIdAndPingsPassThrough() {
        assertThat(LiveEvents.of(
                        "{\"type\":\"referral\",\"referral\":{\"referralId\":\"r1\",\"status\":\"PROPOSED\"}}"))
                .contains(new LiveEvents.Relay("referral", "r1"));
        assertThat(LiveEvents.of("{\"type\":\"ping\"}")).contains(new LiveEvents.Relay("ping", "-"));
    }

    @Test
    void whatThisVersionDoesNotUnderstandIsLeftOut() {
        assertThat(LiveEvents.of("{\"type\":\"something-new\"}")).isEmpty();
        assertThat(LiveEvents.of("not json")).isEmpty();
        assertThat(LiveEvents.of("{\"type\":\"alert\",\"alert\":{}}")).isEmpty();
    }
}
