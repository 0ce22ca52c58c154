package org.acse.placement.shelter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.acse.platform.crypto.SealedColumn;
import org.acse.platform.crypto.SealedColumns;

/** The shelters' addresses, for re-encryption after a key rotation. */
@ApplicationScoped
public class AddressCiphertext implements SealedColumns {
    static final SealedColumn ADDRESS = SealedColumn.byId("shelter", "address", id -> Shelter.addressAad((UUID) id));

    @Override
    public List<SealedColumn> columns() {
        return List.of(ADDRESS);
    }
}
