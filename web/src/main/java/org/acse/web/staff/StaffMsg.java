package org.acse.web.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the shelter team's places and history pages, French first; English in
 * {@code messages/staff_en.properties}. Templates read them as {@code {staff:key}}; a bundle of its own, as
 * {@code Msg} is already as large as Qute's generated resolver handles well.
 */
@MessageBundle(value = "staff", locale = "fr")
public interface StaffMsg {
    @Message("Mes places")
    String placesTitle();

    @Message(
            "Dites au réseau quelles places sont libres et depuis quand. Une place qui n'a pas été confirmée depuis longtemps est proposée après les autres.")
    String placesIntro();

    @Message("Aucune place n'est enregistrée pour votre structure.")
    String noUnits();

    @Message("Place {number}")
    String unitName(int number);

    @Message("État")
    String unitStatusLabel();

    @Message("Capacité")
    String unitCapacity();

    @Message("{capacity} personne(s)")
    String unitCapacityValue(int capacity);

    @Message("Disponible à partir du")
    String unitAvailableFrom();

    @Message("dès maintenant")
    String unitNow();

    @Message("Dernière confirmation")
    String unitLastConfirmed();

    @Message("jamais")
    String unitNever();

    @Message("À confirmer : pas confirmée depuis longtemps")
    String unitStale();

    @Message("Toujours libre")
    String stillFree();

    @Message("Changer l'état")
    String unitChange();

    @Message("Heure de Paris ; laissez vide pour « dès maintenant ».")
    String unitAvailableFromHint();

    @Message("Retenue pour une proposition : répondez d'abord à la proposition.")
    String unitHeldHint();

    @Message("Enregistrer")
    String unitSave();

    @Message("La place est confirmée.")
    String unitConfirmed();

    @Message("L'état de la place est enregistré.")
    String unitSaved();

    @Message("La place n'a pas été enregistrée :")
    String unitErrors();

    @Message("Choisissez un état dans la liste.")
    String unitStatusInvalid();

    @Message("Indiquez une date et une heure valables.")
    String unitAvailableFromInvalid();

    @Message("Le service des places a refusé ce changement.")
    String unitRefused();

    @Message("Propositions passées")
    String historyTitle();

    @Message(
            "Les propositions faites à votre structure qui sont terminées, les plus récentes d'abord. La personne n'y est désignée que par son pseudonyme.")
    String historyIntro();

    @Message("Aucune proposition passée.")
    String historyEmpty();

    @Message("Issue")
    String historyOutcome();

    @Message("Toutes")
    String historyAll();

    @Message("Afficher")
    String historyShow();

    @Message("Personne")
    String historyPerson();

    @Message("Proposée le")
    String historyProposed();

    @Message("Terminée le")
    String historyDecided();

    @Message("Motif")
    String historyReason();

    @Message("Propositions passées, les plus récentes d'abord")
    String historyCaption();

    @Message("Propositions")
    String backToProposals();
}
