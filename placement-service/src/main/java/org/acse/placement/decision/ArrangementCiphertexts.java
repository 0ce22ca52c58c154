package org.acse.placement.decision;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.acse.platform.crypto.SealedColumn;
import org.acse.platform.crypto.SealedColumns;

/** The meeting points and decline comments, for re-encryption after a key rotation. */
@ApplicationScoped
public class ArrangementCiphertexts implements SealedColumns {
    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.byId("placement", "meeting_point", id -> Arrangements.aad((UUID) id, "meeting-point")),
                SealedColumn.byId("placement", "comment", id -> Arrangements.aad((UUID) id, "comment")));
    }
}
