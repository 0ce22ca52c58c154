package org.acse.platform.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Key rotation's second half: re-seals with the active key every ciphertext of the service's {@link SealedColumns}
 * still under another key, a batch per transaction, so that an old key can be removed once no row uses it (then
 * {@link #remaining} is 0). Rows are taken with {@code FOR UPDATE SKIP LOCKED}: safe on several replicas and beside
 * the service's own writes. Never logs a value, only counts.
 */
@ApplicationScoped
public class ReEncryption {
    private static final Logger LOG = Logger.getLogger(ReEncryption.class);
    private static final int BATCH = 200;

    @Inject
    FieldCipher cipher;

    @Inject
    Instance<SealedColumns> declared;

    @Inject
    EntityManager entityManager;

    @Scheduled(
            identity = "re-encryption",
            every = "${acse.crypto.reencrypt-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Re-seals every ciphertext under an old key; returns how many. */
    public int run() {
        int total = 0;
        for (SealedColumns columns : declared) {
            for (SealedColumn column : columns.columns()) {
                int batch;
                do {
                    batch = QuarkusTransaction.requiringNew().call(() -> batch(column));
                    total += batch;
                } while (batch == BATCH);
            }
        }
        if (total > 0) {
            LOG.infof("re-encryption: %d ciphertexts re-sealed with key %s", total, cipher.activeKeyId());
        }
        return total;
    }

    /** Ciphertexts of the column still under another key than the active one. */
    public long remaining(SealedColumn column) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM " + column.table() + " WHERE "
                                        + column.column() + "_ciphertext IS NOT NULL AND " + column.column()
                                        + "_key_id <> :active")
                                .setParameter("active", cipher.activeKeyId())
                                .getSingleResult())
                        .longValue());
    }

    private int batch(SealedColumn column) {
        String keys = String.join(", ", column.keyColumns());
        String ciphertext = column.column() + "_ciphertext";
        String keyId = column.column() + "_key_id";
        String where = column.keyColumns().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + keys + ", " + ciphertext + ", "
                    + keyId + " FROM " + column.table() + " WHERE " + ciphertext + " IS NOT NULL AND " + keyId
                    + " <> ? LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")) {
                select.setString(1, cipher.activeKeyId());
                try (ResultSet rs = select.executeQuery()) {
                    int n = column.keyColumns().size();
                    while (rs.next()) {
                        Object[] row = new Object[n + 2];
                        for (int i = 0; i < n + 2; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + column.table() + " SET " + ciphertext + " = ?, " + keyId + " = ? WHERE " + where)) {
                int n = column.keyColumns().size();
                for (Object[] row : rows) {
                    List<Object> key = Arrays.asList(row).subList(0, n);
                    String aad = column.associatedData().apply(key);
                    byte[] clear = cipher.open(new Sealed((String) row[n + 1], (byte[]) row[n]), aad);
                    Sealed sealed = cipher.seal(clear, aad);
                    update.setBytes(1, sealed.ciphertext());
                    update.setString(2, sealed.keyId());
                    for (int i = 0; i < n; i++) {
                        update.setObject(3 + i, row[i]);
                    }
                    update.addBatch();
                }
                update.executeBatch();
            }
            return rows.size();
        });
    }
}
