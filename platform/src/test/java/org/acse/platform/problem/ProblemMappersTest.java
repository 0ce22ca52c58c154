package org.acse.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {
    @Test
    void aLostDatabaseIsUnavailableNotAnInternalError() {
        assertThat(ProblemMappers.databaseUnreachable(
                        new IllegalStateException("tx", new SQLTransientConnectionException("acquisition timeout"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnreachable(
                        new RuntimeException(new SQLException("connection refused", "08001"))))
                .isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(
                        new SQLException("database is not currently accepting connections", "55000"))))
                .isTrue();
        // Agroal's pool, when no connection could be made in time (the database away): no SQL state.
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLException(
                        "Acquisition timeout while waiting for new connection", new TimeoutException()))))
                .isTrue();
    }

    @Test
    void aCommitTheDatabaseBrokeOffIsUnavailableToo() {
        // As Narayana reports it: the rollback, with the resource's XA failure (caused by the driver's) suppressed.
        XAException xa = new XAException(XAException.XA_RBROLLBACK);
        xa.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);

        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("commit failed", rollback)))
                .isTrue();
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("bug")))
                .isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isFalse();
    }
}
