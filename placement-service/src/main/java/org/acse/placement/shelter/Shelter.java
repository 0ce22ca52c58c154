package org.acse.placement.shelter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.placement.matching.Support;
import org.acse.platform.crypto.FieldCipher;
import org.acse.platform.crypto.Sealed;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A shelter of the network. Its address is confidential: encrypted at rest, read by coordinators and its own staff
 * only, audited.
 */
@Entity
@Table(name = "shelter")
public class Shelter extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "commune_code", nullable = false)
    public String communeCode;

    @Column(name = "address_ciphertext", nullable = false)
    public byte[] addressCiphertext;

    @Column(name = "address_key_id", nullable = false)
    public String addressKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Gender> genders;

    @Column(nullable = false)
    public boolean families;

    @Column(name = "max_children", nullable = false)
    public int maxChildren;

    @Column(name = "child_min_age")
    public Integer childMinAge;

    @Column(name = "child_max_age")
    public Integer childMaxAge;

    @Column(name = "wheelchair_accessible", nullable = false)
    public boolean wheelchairAccessible;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Support> support;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages;

    @Column(nullable = false)
    public boolean active;

    /** The scheme of places it belongs to, if any (at most one). */
    @Column(name = "scheme_id")
    public UUID schemeId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The associated data of its address's ciphertext: a ciphertext copied onto another shelter does not open. */
    public static String addressAad(UUID shelterId) {
        return "shelter:" + shelterId + ":address";
    }

    void sealAddress(FieldCipher cipher, String address) {
        Sealed sealed = cipher.seal(address.getBytes(StandardCharsets.UTF_8), addressAad(id));
        addressCiphertext = sealed.ciphertext();
        addressKeyId = sealed.keyId();
    }

    String openAddress(FieldCipher cipher) {
        return new String(
                cipher.open(new Sealed(addressKeyId, addressCiphertext), addressAad(id)), StandardCharsets.UTF_8);
    }
}
