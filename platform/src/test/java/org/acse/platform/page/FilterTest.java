package org.acse.platform.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterTest {
    @Test
    void optionalFiltersNotGivenAddNothing() {
        Filter filter = Filter.where()
                .optionalEqual("status", null)
                .optionalIn("kind", null)
                .optionalPresence("escalatedAt", null)
                .optionalFrom("createdAt", null)
                .optionalBefore("createdAt", null);
        assertThat(filter.query()).isEqualTo("1 = 1");
        assertThat(filter.params()).isEmpty();
    }

    @Test
    void givenFiltersAreBoundAsParameters() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Filter filter = Filter.where()
                .equal("shelterId", "s1")
                .optionalEqual("shelterId", "s2")
                .optionalIn("kind", List.of("PROPOSAL"))
                .optionalPresence("escalatedAt", false)
                .optionalFrom("createdAt", from);
        assertThat(filter.query())
                .isEqualTo("1 = 1 and shelterId = :p0 and shelterId = :p1 and kind in :p2"
                        + " and escalatedAt is null and createdAt >= :p3");
        assertThat(filter.params())
                .containsEntry("p0", "s1")
                .containsEntry("p1", "s2")
                .containsEntry("p2", List.of("PROPOSAL"))
                .containsEntry("p3", from);
    }

    @Test
    void aMandatoryConditionWithoutValueIsABug() {
        assertThatThrownBy(() -> Filter.where().equal("organisationId", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPageOfAListInMemory() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(Page.of(all, PageRequest.of(1, 2))).isEqualTo(new Page<>(List.of(3, 4), 1, 2, 5));
        assertThat(Page.of(all, PageRequest.of(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.of(0, PageRequest.MAX_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
