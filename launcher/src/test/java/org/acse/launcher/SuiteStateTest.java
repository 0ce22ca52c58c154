package org.acse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteStateTest {

    @Test
    void recordsProcessesInOrderAndRecognisesThemAgain(@TempDir Path dir) {
        Path file = dir.resolve("state");
        SuiteState state = SuiteState.empty(file);
        state.record("launcher", ProcessHandle.current());
        state.record("kafka", ProcessHandle.current());

        SuiteState read = SuiteState.read(file);
        assertThat(read.entries()).extracting(SuiteState.Entry::name).containsExactly("launcher", "kafka");
        assertThat(read.entry("launcher").orElseThrow().process()).contains(ProcessHandle.current());

        state.forget("kafka");
        assertThat(SuiteState.read(file).entries()).hasSize(1);
        state.delete();
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void aRecycledPidIsNotTakenForOurProcess() throws Exception {
        SuiteState.Entry stale =
                new SuiteState.Entry("kafka", ProcessHandle.current().pid(), 12345L);
        assertThat(stale.process()).isEmpty();
    }

    @Test
    void noFileMeansNothingRunning(@TempDir Path dir) {
        assertThat(SuiteState.read(dir.resolve("state")).entries()).isEmpty();
    }
}
