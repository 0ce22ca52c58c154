package org.acse.placement.shelter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A scheme of places (dispositif): shelters that work as one under a code and a name, such as the Destiny scheme.
 * Its shelters point at it ({@code shelter.scheme_id}); its places are computed from their units.
 */
@Entity
@Table(name = "scheme")
public class Scheme extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Scheme> byCode(String code) {
        return Scheme.<Scheme>find("code", code).firstResultOptional();
    }
}
