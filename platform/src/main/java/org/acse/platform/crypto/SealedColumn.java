package org.acse.platform.crypto;

import java.util.List;
import java.util.function.Function;

/**
 * An encrypted column a service declares for re-encryption ({@link ReEncryption}): its ciphertext in
 * {@code <column>_ciphertext}, the id of its key in {@code <column>_key_id}, the row named by {@code keyColumns},
 * and the associated data it was sealed with, made from those key values in that order.
 */
public record SealedColumn(
        String table, List<String> keyColumns, String column, Function<List<Object>, String> associatedData) {
    /** A column of a table whose key is one {@code id} column. */
    public static SealedColumn byId(String table, String column, Function<Object, String> associatedData) {
        return new SealedColumn(table, List.of("id"), column, keys -> associatedData.apply(keys.get(0)));
    }
}
