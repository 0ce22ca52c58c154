package org.acse.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.acse.common.events.EventType;
import org.acse.platform.tracing.Traceparent;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class EventLogTest {
    @Test
    void eventsAreNamedWithoutTheirNamespaceAndVersion() {
        assertThat(EventLog.shortName(EventType.PLACEMENT_NO_SHOW)).isEqualTo("placement.no-show");
        assertThat(EventLog.shortName(EventType.REFERRAL_SUBMITTED)).isEqualTo("referral.submitted");
    }

    @Test
    void theTraceIdComesFromTheTraceparentAndAMalformedOneIsLeftOut() {
        assertThat(Traceparent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Traceparent.traceId("garbage")).isNull();
        assertThat(Traceparent.traceId(null)).isNull();
    }

    @Test
    void theLinesAroundKeepTheirOwnContext() {
        UUID handled = UUID.randomUUID();
        MDC.put(EventLog.REFERRAL_ID, handled.toString());
        try {
            EventLog.step("alert.delivered", UUID.randomUUID(), UUID.randomUUID(), null, "WEBHOOK");
            assertThat(MDC.get(EventLog.REFERRAL_ID)).isEqualTo(handled.toString());
            assertThat(MDC.get(EventLog.PLACEMENT_ID)).isNull();
            assertThat(MDC.get(EventLog.EVENT)).isNull();
        } finally {
            MDC.remove(EventLog.REFERRAL_ID);
        }
    }
}
