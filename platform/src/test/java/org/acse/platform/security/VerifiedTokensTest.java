package org.acse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(clock, Duration.ofSeconds(60), 3);

    @Test
    void aTokenIsRememberedUntilItsOwnExpiryWhenThatComesFirst() {
        tokens.remember("header.claims.signature", "partner@org-nice", now.plusSeconds(20));

        assertThat(tokens.find("header.claims.signature")).contains("partner@org-nice");
        now = now.plusSeconds(20);
        assertThat(tokens.find("header.claims.signature")).isEmpty();
    }

    @Test
    void aLongLivedTokenIsCheckedInFullAgainAfterTheMaximumAge() {
        tokens.remember("t", "coordinator", now.plus(Duration.ofHours(1)));

        now = now.plusSeconds(59);
        assertThat(tokens.find("t")).isPresent();
        now = now.plusSeconds(1);
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void aTokenDifferingInOneCharacterIsAnotherToken() {
        tokens.remember("header.claims.signature", "partner@org-nice", now.plusSeconds(30));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
    }

    @Test
    void seeingATokenAgainNeverExtendsIt() {
        tokens.remember("t", "coordinator", now.plus(Duration.ofHours(1)));
        now = now.plusSeconds(50);
        tokens.remember("t", "coordinator", now.plus(Duration.ofHours(1)));

        now = now.plusSeconds(10);
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRemembered() {
        tokens.remember("t", "coordinator", now);

        assertThat(tokens.find("t")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseTheNewTokenIsNotKept() {
        tokens.remember("a", "a", now.plusSeconds(10));
        tokens.remember("b", "b", now.plusSeconds(30));
        tokens.remember("c", "c", now.plusSeconds(30));

        tokens.remember("d", "d", now.plusSeconds(30));
        assertThat(tokens.find("d")).isEmpty();

        now = now.plusSeconds(10);
        tokens.remember("d", "d", now.plusSeconds(30));
        assertThat(tokens.find("d")).contains("d");
        assertThat(tokens.size()).isEqualTo(3);
    }
}
