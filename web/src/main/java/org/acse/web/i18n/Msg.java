package org.acse.web.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the application, French first (the templates here); English in {@code messages/msg_en.properties}.
 * Templates read them as {@code {msg:key}}; {@link Words} turns codes into them. {@code MessagesTest} fails when a
 * key lacks a text in either language.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface Msg {
    // Frame
    @Message("Ac.Sé Placement")
    String appName();

    @Message("Aller au contenu")
    String skipToContent();

    @Message("Se déconnecter")
    String logout();

    @Message("Langue")
    String language();

    @Message("English")
    String switchLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("Connecté·e en tant que {name}")
    String signedInAs(String name);

    @Message("Accueil")
    String home();

    @Message("heure de Paris")
    String zoneName();

    @Message("d MMM yyyy 'à' HH:mm")
    String dateTimePattern();

    @Message("d MMM yyyy")
    String datePattern();

    @Message("Le service est momentanément indisponible. Réessayez dans un instant.")
    String unavailable();

    @Message("Cette action a été refusée.")
    String refused();

    @Message("Introuvable, ou vous n'y avez pas accès.")
    String notFound();

    @Message("Ce n'est plus possible dans l'état actuel.")
    String conflict();

    @Message("Votre compte n'a aucun rôle dans Ac.Sé. Contactez la coordination nationale.")
    String noRole();

    @Message("Les données personnelles de ce signalement ont été effacées.")
    String referralErased();

    @Message("Précédent")
    String previous();

    @Message("Suivant")
    String next();

    @Message("Page {page} sur {pages}")
    String pageOf(int page, int pages);

    @Message("Retour")
    String back();

    @Message("Oui")
    String yes();

    @Message("Non")
    String no();

    @Message("Aucun")
    String none();

    @Message("facultatif")
    String optional();

    @Message("obligatoire")
    String required();

    @Message("Veuillez corriger les champs signalés.")
    String fixFields();

    // Partner home
    @Message("Mes signalements")
    String partnerTitle();

    @Message("Nouveau signalement")
    String newReferral();

    @Message("Statut")
    String status();

    @Message("Tous")
    String allStatuses();

    @Message("Filtrer")
    String filter();

    @Message("Pseudonyme")
    String pseudonym();

    @Message("Urgence")
    String urgency();

    @Message("Envoyé le")
    String submittedAt();

    @Message("Mis à jour le")
    String updatedAt();

    @Message("Aucun signalement.")
    String noReferrals();

    @Message("{total} signalement(s)")
    String referralCount(long total);

    @Message("Signalement {pseudonym}")
    String referralTitle(String pseudonym);

    @Message("Signalement envoyé : pseudonyme {pseudonym}.")
    String referralSubmitted(String pseudonym);

    @Message("Historique")
    String timeline();

    @Message("Retirer le signalement")
    String withdraw();

    @Message("Motif du retrait")
    String withdrawReason();

    @Message("Le motif est chiffré et reste dans le service d'accueil des signalements.")
    String withdrawReasonHint();

    @Message("Indiquez un motif.")
    String withdrawReasonRequired();

    @Message("Signalement retiré.")
    String withdrawn();

    @Message("Le lieu d'hébergement n'est jamais communiqué au partenaire.")
    String shelterNeverShown();

    // Referral form
    @Message("Personne")
    String personSection();

    @Message("Prénom")
    String firstName();

    @Message("Nom")
    String lastName();

    @Message("Date de naissance")
    String birthDate();

    @Message("Âge (si la date de naissance est inconnue)")
    String age();

    @Message("Nationalité")
    String nationality();

    @Message("Téléphone")
    String phone();

    @Message("Genre")
    String gender();

    @Message("Choisir…")
    String choose();

    @Message("Ménage et besoins")
    String householdSection();

    @Message("Âges des enfants accompagnants")
    String childrenAges();

    @Message("Séparés par des virgules, par exemple : 4, 7")
    String childrenAgesHint();

    @Message("Langues parlées")
    String languages();

    @Message("Besoins")
    String needs();

    @Message("Forme(s) d'exploitation")
    String exploitation();

    @Message("Danger et localisation")
    String dangerSection();

    @Message("Zones de danger")
    String dangerZones();

    @Message(
            "Codes de commune (5 caractères) ou de département, séparés par des virgules. Cherchez une commune ci-dessous pour ajouter son code.")
    String dangerZonesHint();

    @Message("Chercher une commune par son nom")
    String communeSearch();

    @Message("Ajouter {name} ({code}) aux zones de danger")
    String addCommune(String name, String code);

    @Message("Aucune commune trouvée.")
    String noCommune();

    @Message("Indiquer {name} ({code}) comme commune où se trouve la personne")
    String setCurrentCommune(String name, String code);

    @Message("Commune actuelle")
    String currentCommuneShort();

    @Message("Commune où se trouve la personne (code)")
    String currentCommune();

    @Message("Consentement")
    String consentSection();

    @Message("La personne consent au partage de ses informations pour son hébergement")
    String consent();

    @Message("Recueilli le (heure de Paris)")
    String consentAt();

    @Message("Notes")
    String notes();

    @Message("Sensible : chiffré, visible seulement de la coordination et de l'équipe qui accueille la personne.")
    String notesHint();

    @Message("Envoyer le signalement")
    String submit();

    @Message("Ce nombre n'est pas valable.")
    String errNumber();

    @Message("Cette date n'est pas valable.")
    String errDate();

    @Message("Indiquez le prénom et le nom (100 caractères au plus).")
    String errName();

    @Message("Indiquez la date de naissance ou l'âge ; ils doivent concorder et ne pas être dans le futur.")
    String errBirthDate();

    @Message("Choisissez une nationalité dans la liste.")
    String errNationality();

    @Message("Le téléphone ne doit contenir que des chiffres (et +, espaces).")
    String errPhone();

    @Message("Choisissez le genre.")
    String errGender();

    @Message("Chaque âge d'enfant doit être compris entre 0 et 17 ans.")
    String errChildren();

    @Message("Choisissez des langues dans la liste.")
    String errLanguages();

    @Message("Vérifiez les besoins.")
    String errNeeds();

    @Message("Vérifiez les formes d'exploitation.")
    String errExploitation();

    @Message("Indiquez au moins une zone de danger : des codes de commune ou de département connus.")
    String errDangerZones();

    @Message("Indiquez le code d'une commune connue.")
    String errCurrentCommune();

    @Message("Choisissez l'urgence.")
    String errUrgency();

    @Message("Le consentement est nécessaire ; sa date ne peut pas être dans le futur.")
    String errConsent();

    @Message("Les notes font 2 000 caractères au plus.")
    String errNotes();

    @Message("Vérifiez ce champ.")
    String errField();

    @Message(
            "La personne est mineure : ce dispositif accueille des adultes. Orientez-la vers la protection de l'enfance.")
    String errMinor();

    @Message("Ce formulaire a déjà été envoyé avec d'autres valeurs. Rechargez la page pour un nouveau signalement.")
    String errIdempotency();

    // Coordinators' decisions
    @Message("Décisions à prendre")
    String decisionsTitle();

    @Message("Aucune décision en attente.")
    String noDecisions();

    @Message("Absence à l'arrivée")
    String kindNoShow();

    @Message("Doublon possible")
    String kindPossibleDuplicate();

    @Message("Aucune place trouvée")
    String kindNoMatch();

    @Message("Voir le signalement déjà ouvert")
    String relatedReferral();

    @Message("Chercher une place à nouveau")
    String rematch();

    @Message("Marquer comme vue")
    String acknowledge();

    @Message("Recherche relancée.")
    String doneRematched();

    @Message("Alerte marquée comme vue.")
    String doneAcknowledged();

    @Message("Vue")
    String acknowledged();

    // Live updates
    @Message("En direct : la page se met à jour seule.")
    String liveOn();

    @Message("Mises à jour en direct indisponibles : rechargez la page pour voir les nouveautés.")
    String liveOff();

    @Message("Me prévenir quand une proposition arrive")
    String notifyEnable();

    @Message("Nouvelle proposition de place")
    String notifyTitle();

    @Message("Une place est proposée à votre structure : ouvrez Ac.Sé pour répondre.")
    String notifyBody();

    // Shelter staff home
    @Message("Propositions pour votre structure")
    String staffTitle();

    @Message("Aucune proposition en cours.")
    String noProposals();

    @Message("Ménage")
    String household();

    @Message("Langues")
    String languagesShort();

    @Message("Place réservée jusqu'au")
    String holdUntil();

    @Message("Accepter")
    String accept();

    @Message("Refuser")
    String decline();

    @Message("Confirmer l'accueil de {pseudonym}")
    String confirmAcceptTitle(String pseudonym);

    @Message("En acceptant, votre structure s'engage à accueillir la personne. Vous pourrez ensuite voir son identité.")
    String confirmAcceptText();

    @Message("Arrivée prévue (facultatif)")
    String arrivalWindow();

    @Message("À partir du")
    String arrivalFrom();

    @Message("Jusqu'au")
    String arrivalUntil();

    @Message("Point de rendez-vous (facultatif, jamais l'adresse de la structure)")
    String meetingPoint();

    @Message("Lieu (par exemple : hall de la gare)")
    String meetingPlace();

    @Message("Heure du rendez-vous")
    String meetingAt();

    @Message("Confirmer l'accueil")
    String confirmAccept();

    @Message("Motif du refus")
    String declineReason();

    @Message("Commentaire (facultatif, reste dans le service de placement)")
    String declineComment();

    @Message("Choisissez un motif.")
    String declineReasonRequired();

    @Message("Accueil confirmé.")
    String accepted();

    @Message("Proposition refusée.")
    String declined();

    @Message("Identité de la personne")
    String identity();

    @Message("L'identité sera visible dans quelques instants : rechargez la page.")
    String identityPending();

    @Message("Se désister")
    String backOut();

    @Message("Motif du désistement")
    String backOutReason();

    @Message("Désistement enregistré : la personne sera orientée vers une autre structure.")
    String backedOut();

    @Message("Enregistrer l'arrivée")
    String recordArrival();

    @Message("Arrivée enregistrée.")
    String arrived();

    @Message("Voir")
    String view();

    @Message("Accueil de {pseudonym}")
    String placementTitle(String pseudonym);

    @Message("{adultAge} ans")
    String adultAge(int adultAge);

    @Message("avec enfant(s) de {ages} ans")
    String withChildren(String ages);

    @Message("seul·e")
    String alone();

    // Coordinator home
    @Message("Tableau des signalements")
    String coordinatorTitle();

    @Message("Voir tout")
    String seeAll();

    @Message("Placements")
    String placements();

    @Message("Aucun placement.")
    String noPlacements();

    @Message("Explication de l'appariement")
    String matching();

    @Message("{eligible} structure(s) éligible(s) sur {considered}")
    String matchingSummary(int eligible, int considered);

    @Message("Structure")
    String shelter();

    @Message("Rang")
    String rank();

    @Message("Score")
    String score();

    @Message("Motif d'exclusion")
    String exclusion();

    @Message("Doublon possible d'un autre signalement")
    String possibleDuplicate();

    @Message("Organisation")
    String organisation();

    // Referral statuses
    @Message("Envoyé")
    String statusSubmitted();

    @Message("Recherche en cours")
    String statusSearching();

    @Message("Place proposée")
    String statusProposed();

    @Message("Accueil accepté")
    String statusAccepted();

    @Message("Arrivée")
    String statusArrived();

    @Message("Aucune place trouvée")
    String statusNoMatch();

    @Message("Retiré")
    String statusWithdrawn();

    @Message("Personne non arrivée")
    String statusNoShow();

    // Placement statuses
    @Message("Place réservée")
    String placementHeld();

    @Message("Acceptée")
    String placementAccepted();

    @Message("Refusée")
    String placementDeclined();

    @Message("Expirée")
    String placementExpired();

    @Message("Annulée")
    String placementCancelled();

    @Message("Arrivée")
    String placementArrived();

    @Message("Non arrivée")
    String placementNoShow();

    // Unit statuses
    @Message("libre")
    String unitFree();

    @Message("retenue pour une proposition")
    String unitHeld();

    @Message("occupée")
    String unitOccupied();

    @Message("hors service")
    String unitOutOfService();

    // Urgencies
    @Message("Immédiate (sous 24 h)")
    String urgencyImmediate();

    @Message("Sous 72 heures")
    String urgencyWithin72h();

    @Message("Sous 7 jours")
    String urgencyWithin7Days();

    // Genders
    @Message("Femme")
    String genderFemale();

    @Message("Homme")
    String genderMale();

    @Message("Non binaire")
    String genderNonBinary();

    // Needs
    @Message("Accès en fauteuil roulant")
    String needWheelchairAccess();

    @Message("Soutien psychologique")
    String needPsychologicalSupport();

    @Message("Soins médicaux")
    String needMedicalCare();

    @Message("Interprète")
    String needInterpreter();

    // Exploitation
    @Message("Exploitation sexuelle")
    String exploitationSexual();

    @Message("Travail forcé")
    String exploitationLabour();

    @Message("Servitude domestique")
    String exploitationDomesticServitude();

    @Message("Mendicité forcée")
    String exploitationForcedBegging();

    @Message("Contrainte à commettre des délits")
    String exploitationForcedCriminality();

    @Message("Prélèvement d'organes")
    String exploitationOrganRemoval();

    @Message("Autre")
    String exploitationOther();

    // Decline reasons
    @Message("La place n'est plus disponible")
    String reasonNoLongerAvailable();

    @Message("Profil non pris en charge")
    String reasonProfileNotSupported();

    @Message("Risque pour la sécurité")
    String reasonSafetyConcern();

    @Message("Équipe indisponible")
    String reasonStaffUnavailable();

    @Message("Barrière de la langue")
    String reasonLanguageBarrier();

    @Message("Autre motif")
    String reasonOther();

    // Matching exclusions
    @Message("Structure inactive")
    String exclusionShelterInactive();

    @Message("A déjà refusé ou laissé expirer")
    String exclusionAlreadyDeclinedOrExpired();

    @Message("Genre non accueilli")
    String exclusionGenderNotAccepted();

    @Message("N'accueille pas les familles")
    String exclusionFamiliesNotAccepted();

    @Message("Trop d'enfants")
    String exclusionTooManyChildren();

    @Message("Âge d'enfant non accueilli")
    String exclusionChildAgeNotAccepted();

    @Message("Pas d'accès en fauteuil roulant")
    String exclusionWheelchairAccessMissing();

    @Message("Pas de soutien psychologique")
    String exclusionPsychologicalSupportMissing();

    @Message("Pas de soins médicaux")
    String exclusionMedicalCareMissing();

    @Message("Aucune unité assez grande")
    String exclusionNoUnitLargeEnough();

    @Message("Dans le département d'une zone de danger")
    String exclusionInDangerZoneDepartment();

    @Message("Trop proche d'une zone de danger")
    String exclusionTooCloseToDangerZone();

    @Message("Aucune place disponible à temps")
    String exclusionNoUnitAvailableInTime();
}
