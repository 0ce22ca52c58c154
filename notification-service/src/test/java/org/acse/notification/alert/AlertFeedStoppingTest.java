package org.acse.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An instance that starts stopping ends its live streams at once, and a stream opened then ends at once too. */
class AlertFeedStoppingTest {
    private final Viewer coordinator = new Viewer("coordinator", true, Optional.empty(), Optional.empty());

    @Test
    void theOpenStreamsEndWhenTheInstanceStartsStoppingSoThatTheirPagesOpenThemElsewhere() {
        AlertFeed feed = new AlertFeed();
        AssertSubscriber<AlertFeed.FeedEvent> page = feed.stream(
                        coordinator, Instant.now().plus(Duration.ofHours(1)))
                .subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        assertThat(page.isCancelled()).isFalse();
        page.assertNotTerminated();

        feed.onStopping(null);

        page.awaitCompletion(Duration.ofSeconds(5));
        assertThat(page.getItems()).extracting(AlertFeed.FeedEvent::type).doesNotContain("stopping");
        feed.stream(coordinator, Instant.now().plus(Duration.ofHours(1)))
                .subscribe()
                .withSubscriber(AssertSubscriber.create(10))
                .awaitCompletion(Duration.ofSeconds(5))
                .assertHasNotReceivedAnyItem();
    }
}
