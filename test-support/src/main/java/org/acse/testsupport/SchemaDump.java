package org.acse.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every row of every table of a schema, as text: what a copy of the database would show someone who stole it, for
 * tests that a value is stored nowhere in clear (or is gone).
 */
public final class SchemaDump {

    public static String of(DataSource dataSource, String schema) {
        try (Connection c = dataSource.getConnection()) {
            return of(c, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump schema " + schema, e);
        }
    }

    public static String of(Connection connection, String schema) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Statement s = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + schema + "." + table + " t")) {
                    while (rs.next()) {
                        dump.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private SchemaDump() {}
}
