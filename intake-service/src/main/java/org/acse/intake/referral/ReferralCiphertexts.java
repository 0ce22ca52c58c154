package org.acse.intake.referral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.acse.platform.crypto.SealedColumn;
import org.acse.platform.crypto.SealedColumns;

/** A referral's identity, notes and withdrawal reason, for re-encryption after a key rotation. */
@ApplicationScoped
public class ReferralCiphertexts implements SealedColumns {
    @Override
    public List<SealedColumn> columns() {
        return List.of(
                SealedColumn.byId("referral", "identity", id -> ReferralService.aad((UUID) id, "identity")),
                SealedColumn.byId("referral", "notes", id -> ReferralService.aad((UUID) id, "notes")),
                SealedColumn.byId("referral", "withdrawal_reason", id -> ReferralService.aad((UUID) id, "withdrawal")));
    }
}
