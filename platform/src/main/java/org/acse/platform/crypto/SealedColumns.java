package org.acse.platform.crypto;

import java.util.List;

/** What a service that stores ciphertexts declares, as a CDI bean, for {@link ReEncryption} to keep them current. */
public interface SealedColumns {
    List<SealedColumn> columns();
}
