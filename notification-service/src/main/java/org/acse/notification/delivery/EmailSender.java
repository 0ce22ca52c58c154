package org.acse.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Sends the alert as one bilingual e-mail (French first, then English), rendered by Qute from the identity-free
 * body. Returns null when the SMTP server accepted it, else a short reason.
 */
@ApplicationScoped
public class EmailSender {
    private static final List<String> OPTIONAL = List.of("cancellation", "relatedPseudonym", "reason", "reminder");

    @Inject
    Mailer mailer;

    @Inject
    ObjectMapper json;

    @Inject
    @Location("mail/alert-fr.html")
    Template french;

    @Inject
    @Location("mail/alert-en.html")
    Template english;

    @Inject
    @Location("mail/alert.txt")
    Template text;

    public String send(List<String> to, String eventType, String payload) {
        Map<String, Object> data;
        try {
            data = json.readValue(payload, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return "unreadable payload";
        }
        // fields a body may leave out are null for the templates, which test them
        OPTIONAL.forEach(key -> data.putIfAbsent(key, null));
        String subject = subject(data);
        String html = "<!doctype html><html lang=\"fr\"><body>"
                + french.data("m", data).render() + "<hr>" + "<div lang=\"en\">"
                + english.data("m", data).render() + "</div></body></html>";
        Mail mail = Mail.withHtml(to.get(0), subject, html)
                .setText(text.data("m", data).render());
        if (to.size() > 1) {
            mail.setBcc(to.subList(1, to.size()));
        }
        mail.addHeader("X-Acse-Event", eventType);
        mailer.send(mail);
        return null;
    }

    static String subject(Map<String, Object> m) {
        String pseudonym = String.valueOf(m.getOrDefault("pseudonym", ""));
        return switch (String.valueOf(m.get("kind"))) {
            case "proposal" ->
                Boolean.TRUE.equals(m.get("reminder"))
                        ? "[Ac.Sé] RAPPEL : proposition d'accueil à confirmer / REMINDER: placement proposal "
                                + pseudonym
                        : "[Ac.Sé] Proposition d'accueil / Placement proposal " + pseudonym;
            case "status" ->
                switch (String.valueOf(m.get("cancellation"))) {
                    case "OFFER_TAKEN", "REPLACED" -> "[Ac.Sé] Proposition retirée / Proposal withdrawn " + pseudonym;
                    default -> "[Ac.Sé] Mise à jour / Update " + pseudonym + " : " + m.get("status");
                };
            case "escalation" ->
                "no-match-unhandled".equals(m.get("reason"))
                        ? "[Ac.Sé] Escalade : orientation sans place non prise en charge / Escalation: unhandled no-match "
                                + pseudonym
                        : "[Ac.Sé] Escalade : alerte non confirmée / Escalation: unacknowledged alert " + pseudonym;
            case "no-match" -> "[Ac.Sé] Aucune place trouvée / No place found " + pseudonym;
            case "no-show" ->
                "[Ac.Sé] Personne non arrivée, décision attendue / Person did not arrive, decision " + "needed "
                        + pseudonym;
            case "backed-out" -> "[Ac.Sé] Désistement d'une structure / A shelter backed out " + pseudonym;
            case "possible-duplicate" ->
                "[Ac.Sé] Doublon possible, décision attendue / Possible duplicate, decision " + "needed " + pseudonym;
            case "referral-status" -> "[Ac.Sé] Orientation / Referral " + pseudonym + " : " + m.get("status");
            case "delivery-failed" -> "[Ac.Sé] Échec d'envoi / Delivery failed";
            default -> "[Ac.Sé] Notification";
        };
    }
}
