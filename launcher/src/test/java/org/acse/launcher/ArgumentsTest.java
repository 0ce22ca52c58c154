package org.acse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.acse.launcher.Arguments.Command;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void readsEachCommand() {
        assertThat(Arguments.parse("up")).isEqualTo(new Arguments(Command.UP, false, null));
        assertThat(Arguments.parse("up", "--empty")).isEqualTo(new Arguments(Command.UP, true, null));
        assertThat(Arguments.parse("down").command()).isEqualTo(Command.DOWN);
        assertThat(Arguments.parse("status").command()).isEqualTo(Command.STATUS);
        assertThat(Arguments.parse("demo").command()).isEqualTo(Command.DEMO);
        assertThat(Arguments.parse("token", "partner.nice"))
                .isEqualTo(new Arguments(Command.TOKEN, false, "partner.nice"));
        assertThat(Arguments.parse().command()).isEqualTo(Command.HELP);
        assertThat(Arguments.parse("--help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void refusesWhatItDoesNotKnowWithAMessage() {
        assertThatThrownBy(() -> Arguments.parse("start")).hasMessageContaining("unknown command: start");
        assertThatThrownBy(() -> Arguments.parse("up", "--full")).hasMessageContaining("--full");
        assertThatThrownBy(() -> Arguments.parse("token")).hasMessageContaining("one user name");
        assertThatThrownBy(() -> Arguments.parse("token", "a", "b")).hasMessageContaining("one user name");
        assertThatThrownBy(() -> Arguments.parse("down", "now")).hasMessageContaining("no arguments");
    }
}
