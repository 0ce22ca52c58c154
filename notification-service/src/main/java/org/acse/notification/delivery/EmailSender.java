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
            data = json.readValue(payload, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return "unreadable payload";
        }
        String subject = subject(data);
        String html = "<!doctype html><html lang=\"fr\"><body>" + french.data("m", data).render()
                + "<hr>" + "<div lang=\"en\">" + english.data("m", data).render() + "</div></body></html>";
        Mail mail = Mail.withHtml(to.get(0), subject, html).setText(text.data("m", data).render());
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
            case "proposal" -> Boolean.TRUE.equals(m.get("reminder"))
                    ? "[Ac.Sé] RAPPEL : proposition d'accueil à confirmer / REMINDER: placement proposal " + pseudonym
                    : "[Ac.Sé] Proposition d'accueil / Placement proposal " + pseudonym;
            case "status" -> "[Ac.Sé] Mise à jour / Update " + pseudonym + " : " + m.get("status");
            case "escalation" -> "[Ac.Sé] Escalade : alerte non confirmée / Escalation: unacknowledged alert "
                    + pseudonym;
            case "no-match" -> "[Ac.Sé] Aucune place trouvée / No place found " + pseudonym;
            case "referral-status" -> "[Ac.Sé] Orientation / Referral " + pseudonym + " : " + m.get("status");
            case "delivery-failed" -> "[Ac.Sé] Échec d'envoi / Delivery failed";
            default -> "[Ac.Sé] Notification";
        };
    }
}
