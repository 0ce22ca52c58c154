package org.acse.placement.shelter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.common.events.Gender;
import org.acse.placement.matching.Support;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A shelter of the network. {@code address} is confidential: coordinators and its own staff only, audited. */
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

    @Column(nullable = false)
    public String address;

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
}
