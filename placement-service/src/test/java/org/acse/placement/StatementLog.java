package org.acse.placement;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Records the SQL that Hibernate sends on the current thread, between {@link #start()} and {@link #stop()}. */
@PersistenceUnitExtension
public class StatementLog implements StatementInspector {
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    public static void start() {
        RECORDING.set(new ArrayList<>());
    }

    public static List<String> stop() {
        List<String> statements = RECORDING.get();
        RECORDING.remove();
        return statements;
    }

    @Override
    public String inspect(String sql) {
        List<String> statements = RECORDING.get();
        if (statements != null) {
            statements.add(sql.replaceAll("\\s+", " ").trim());
        }
        return sql;
    }
}
