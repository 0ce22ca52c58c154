package org.acse.web.coordinator;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.acse.web.api.Api;
import org.acse.web.api.AuditClient;
import org.acse.web.api.DeliveriesClient;
import org.acse.web.api.IntakeAuditClient;
import org.acse.web.api.NotificationAuditClient;
import org.acse.web.api.PlacementAuditClient;
import org.acse.web.home.Pages;
import org.acse.web.i18n.Words;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The coordinators' operational pages: each service's audit log, and notification's failed deliveries; both paged,
 * read with the coordinator's own token.
 */
@Path("/coordinator/log")
@Produces(MediaType.TEXT_HTML)
public class LogPages {
    static final int PAGE = 50;
    static final List<String> SERVICES = List.of("intake", "placement", "notification");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    IntakeAuditClient intakeAudit;

    @Inject
    @RestClient
    PlacementAuditClient placementAudit;

    @Inject
    @RestClient
    NotificationAuditClient notificationAudit;

    @Inject
    @RestClient
    DeliveriesClient deliveries;

    @Location("coordinator/audit.html")
    Template audit;

    @Location("coordinator/deliveries.html")
    Template failed;

    public record Entry(
            Long id,
            Instant at,
            String subject,
            String role,
            String tenant,
            String action,
            String targetType,
            String targetId) {}

    public record EntryPage(List<Entry> items, int page, int size, long total) {}

    public record Delivery(
            UUID id,
            UUID referralId,
            String recipientType,
            String channel,
            String eventType,
            int attempts,
            Instant createdAt,
            Instant lastAttemptAt,
            String lastError) {}

    public record DeliveryPage(List<Delivery> items, int page, int size, long total) {}

    @TemplateData
    public record Option(String code, String label, boolean selected) {}

    @TemplateData
    public record Line(List<String> cells, String referralId) {}

    @TemplateData
    public record Pager(int pageNumber, int pages, Integer prevPage, Integer nextPage) {}

    @GET
    @Path("audit")
    public TemplateInstance audit(
            @QueryParam("service") @DefaultValue("intake") String service,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("page") @DefaultValue("0") int page) {
        Words w = pages.words();
        String chosen = SERVICES.contains(service) ? service : "intake";
        AuditClient client = switch (chosen) {
            case "placement" -> placementAudit;
            case "notification" -> notificationAudit;
            default -> intakeAudit;
        };
        int at = bounded(page);
        String type = blankToNull(targetType);
        String id = blankToNull(targetId);
        EntryPage found = Api.read(() -> client.list(type, id, at, PAGE), EntryPage.class);
        List<Line> lines = found.items().stream()
                .map(e -> new Line(
                        List.of(
                                w.dateTime(e.at()),
                                e.subject() == null ? "" : e.subject(),
                                role(e.role()),
                                e.tenant() == null ? "—" : e.tenant(),
                                action(e.action()),
                                (e.targetType() == null ? "" : e.targetType()) + " "
                                        + (e.targetId() == null ? "" : e.targetId())),
                        null))
                .toList();
        List<Option> services = List.of(
                new Option("intake", coord().auditServiceIntake(), chosen.equals("intake")),
                new Option("placement", coord().auditServicePlacement(), chosen.equals("placement")),
                new Option("notification", coord().auditServiceNotification(), chosen.equals("notification")));
        return pages.page(audit)
                .data("services", services)
                .data("service", chosen)
                .data("targetType", type == null ? "" : type)
                .data("targetId", id == null ? "" : id)
                .data("lines", lines)
                .data("query", "service=" + chosen + "&targetType=" + encode(type) + "&targetId=" + encode(id) + "&")
                .data("pager", pager(at, found.total()));
    }

    @GET
    @Path("deliveries")
    public TemplateInstance deliveries(@QueryParam("page") @DefaultValue("0") int page) {
        Words w = pages.words();
        int at = bounded(page);
        DeliveryPage found = Api.read(() -> deliveries.list("FAILED", at, PAGE), DeliveryPage.class);
        List<Line> lines = found.items().stream()
                .map(d -> new Line(
                        List.of(
                                w.dateTime(d.createdAt()),
                                "EMAIL".equals(d.channel()) ? coord().channelEmail() : coord().channelWebhook(),
                                recipient(d.recipientType()),
                                event(d.eventType()),
                                String.valueOf(d.attempts()),
                                w.dateTime(d.lastAttemptAt()),
                                d.lastError() == null ? "—" : d.lastError()),
                        d.referralId() == null ? null : d.referralId().toString()))
                .toList();
        return pages.page(failed).data("lines", lines).data("pager", pager(at, found.total()));
    }

    private static Pager pager(int at, long total) {
        // An int: the page-of message takes ints (a long there fails as soon as there are two pages).
        int count = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (total + PAGE - 1) / PAGE));
        return new Pager(at + 1, count, at > 0 ? at - 1 : null, at + 1 < count ? at + 1 : null);
    }

    private String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int bounded(int page) {
        return Math.max(0, Math.min(page, 10_000));
    }

    private String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String role(String role) {
        return switch (role == null ? "" : role) {
            case "coordinator" -> coord().roleCoordinator();
            case "partner" -> coord().rolePartner();
            case "shelter-staff" -> coord().roleStaff();
            case "service" -> coord().roleService();
            default -> role == null ? "" : role;
        };
    }

    private String recipient(String type) {
        return switch (type == null ? "" : type) {
            case "SHELTER" -> coord().recipientShelter();
            case "ORGANISATION" -> coord().recipientOrganisation();
            default -> coord().recipientCoordination();
        };
    }

    /** {@code org.acse.placement.no-match.v1} → "Aucune place". */
    String event(String type) {
        String fact = type == null
                ? ""
                : type.replaceFirst("^org\\.acse\\.[a-z]+\\.", "").replaceFirst("\\.v\\d+$", "");
        return switch (fact) {
            case "proposed" -> coord().eventProposed();
            case "accepted" -> coord().eventAccepted();
            case "declined" -> coord().eventDeclined();
            case "expired" -> coord().eventExpired();
            case "cancelled" -> coord().eventCancelled();
            case "arrived" -> coord().eventArrived();
            case "no-match" -> coord().eventNoMatch();
            case "no-show" -> coord().eventNoShow();
            case "searching" -> coord().eventSearching();
            case "escalated" -> coord().eventEscalated();
            default -> coord().eventOther();
        };
    }

    String action(String action) {
        return switch (action == null ? "" : action) {
            case "alert.acknowledge" -> coord().auditAlertAcknowledge();
            case "alert.list" -> coord().auditAlertList();
            case "alert.read" -> coord().auditAlertRead();
            case "alert.stream" -> coord().auditAlertStream();
            case "channel.update" -> coord().auditChannelUpdate();
            case "delivery.list" -> coord().auditDeliveryList();
            case "placement.accept" -> coord().auditPlacementAccept();
            case "placement.arrival" -> coord().auditPlacementArrival();
            case "placement.arrival.read" -> coord().auditPlacementArrivalRead();
            case "placement.back-out" -> coord().auditPlacementBackOut();
            case "placement.decline" -> coord().auditPlacementDecline();
            case "placement.list" -> coord().auditPlacementList();
            case "placement.manual" -> coord().auditPlacementManual();
            case "placement.meeting-point" -> coord().auditPlacementMeetingPoint();
            case "placement.read" -> coord().auditPlacementRead();
            case "referral.identity.read" -> coord().auditReferralIdentityRead();
            case "referral.list" -> coord().auditReferralList();
            case "referral.matching.read" -> coord().auditReferralMatchingRead();
            case "referral.read" -> coord().auditReferralRead();
            case "referral.rematch" -> coord().auditReferralRematch();
            case "referral.submit" -> coord().auditReferralSubmit();
            case "referral.withdraw" -> coord().auditReferralWithdraw();
            case "scheme.create" -> coord().auditSchemeCreate();
            case "scheme.occupancy.read" -> coord().auditSchemeOccupancyRead();
            case "scheme.shelters" -> coord().auditSchemeShelters();
            case "scheme.update" -> coord().auditSchemeUpdate();
            case "shelter.address.read" -> coord().auditShelterAddressRead();
            case "shelter.create" -> coord().auditShelterCreate();
            case "shelter.update" -> coord().auditShelterUpdate();
            case "unit.availability" -> coord().auditUnitAvailability();
            default -> action == null ? "" : action;
        };
    }

    /** The texts of these pages in the person's language. */
    private CoordMsg coord() {
        return CoordTexts.of(pages.locale());
    }
}
