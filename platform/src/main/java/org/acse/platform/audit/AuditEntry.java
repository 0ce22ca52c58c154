package org.acse.platform.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the append-only audit log: ids only, never personal data. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, insertable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(nullable = false, updatable = false)
    public String role;

    @Column(updatable = false)
    public String tenant;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    public String targetId;
}
