package org.acse.web.coordinator;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the coordinators' figures, registry, manual placement, audit and deliveries pages, French first;
 * English in {@code messages/coord_en.properties}. Templates read them as {@code {coord:key}}. A bundle of its own:
 * one bundle of several hundred messages is more than Qute's generated resolver handles.
 */
@MessageBundle(value = "coord", locale = "fr")
public interface CoordMsg {

    // Figures and manual placement
    @Message("Chiffres")
    String figuresTitle();

    @Message("Chiffres du dispositif")
    String figuresLink();

    @Message("Délais, refus, absences de place et types d'exploitation : des comptes, jamais une personne.")
    String figuresIntro();

    @Message("Un critère n'est pas valable :")
    String figureErrors();

    @Message("Regrouper par")
    String figureBreakdown();

    @Message("Dispositif")
    String figureScheme();

    @Message("Tous")
    String figureAllSchemes();

    @Message("Du mois")
    String figureFrom();

    @Message("Au mois")
    String figureTo();

    @Message("Afficher")
    String figureShow();

    @Message(
            "Une case qui compte moins de 5 orientations est masquée (« moins de 5 »), ainsi que les délais et parts calculés à partir d'elle. Les mois sont ceux du dépôt, heure de Paris.")
    String figureSuppressionNote();

    @Message("Délais depuis le dépôt")
    String figureDelays();

    @Message("Médiane et 90e centile du délai depuis le dépôt, et nombre d'orientations arrivées à chaque étape.")
    String figureDelaysCaption();

    @Message("Jusqu'à la proposition")
    String figureToProposal();

    @Message("Jusqu'à l'acceptation")
    String figureToAcceptance();

    @Message("Jusqu'à l'arrivée")
    String figureToArrival();

    @Message("Motifs de refus")
    String figureDeclines();

    @Message("Propositions refusées par les structures, par motif.")
    String figureDeclinesCaption();

    @Message("Refus")
    String figureDeclineCount();

    @Message("Orientations sans place")
    String figureNoMatch();

    @Message("Orientations déposées et, parmi elles, celles qui n'ont trouvé aucune place au moins une fois.")
    String figureNoMatchCaption();

    @Message("Orientations")
    String figureReferrals();

    @Message("Sans place")
    String figureNoMatchCount();

    @Message("Part")
    String figureShare();

    @Message("Types d'exploitation")
    String figureExploitation();

    @Message("Orientations par type d'exploitation (une orientation peut en citer plusieurs).")
    String figureExploitationCaption();

    @Message("Type d'exploitation")
    String figureExploitationType();

    @Message("Aucune orientation pour ces critères.")
    String figureNoRows();

    @Message("Mois de dépôt")
    String figureByMonth();

    @Message("Région")
    String figureByRegion();

    @Message("Urgence")
    String figureByUrgency();

    @Message("Mois")
    String figureMonth();

    @Message("Région")
    String figureRegion();

    @Message("Région inconnue")
    String figureUnknownRegion();

    @Message("moins de 5")
    String figureFewerThanFive();

    @Message("{days} j {hours} h")
    String figureDaysHours(int days, int hours);

    @Message("{hours} h {minutes}")
    String figureHoursMinutes(int hours, String minutes);

    @Message("{minutes} min")
    String figureMinutes(int minutes);

    @Message("médiane {median}, 90e centile {p90} ({count} orientations)")
    String figureDelay(String median, String p90, String count);

    @Message("Choisissez un regroupement de la liste.")
    String figureBadBy();

    @Message("Choisissez un dispositif de la liste.")
    String figureBadScheme();

    @Message("Indiquez un mois (AAAA-MM), le second pas avant le premier.")
    String figureBadMonth();

    @Message("Placer ici")
    String placeHere();

    @Message("Structures écartées, par raison")
    String matchingExcludedBy();

    @Message("Les {shown} premières structures (les éligibles d'abord, par rang) sur {considered}.")
    String matchingFirst(int shown, int considered);

    @Message("Placer sur l'unité proposée par {shelter}")
    String placeHereLabel(String shelter);

    @Message("Place retenue : la structure est prévenue et doit répondre.")
    String placedManually();

    @Message("Cette place ne peut plus être retenue (prise entre-temps ou plus éligible) ; l'explication est à jour.")
    String placeRefused();

    // The shelter registry
    @Message("Registre des structures")
    String sheltersLink();

    @Message("Structures d'accueil")
    String sheltersTitle();

    @Message("Nouvelle structure")
    String shelterNew();

    @Message("Rechercher (code ou nom)")
    String shelterSearch();

    @Message("{total} structure(s)")
    String sheltersFound(int total);

    @Message("Aucune structure ne correspond.")
    String sheltersNone();

    @Message("Structures du réseau, sans adresse.")
    String sheltersCaption();

    @Message("Code")
    String shelterCode();

    @Message("Nom")
    String shelterName();

    @Message("Département")
    String shelterDepartment();

    @Message("État")
    String shelterState();

    @Message("Unités")
    String shelterPlaces();

    @Message("En service")
    String shelterActive();

    @Message("Désactivée")
    String shelterInactive();

    @Message("{units} unité(s), {free} libre(s)")
    String shelterUnits(int units, int free);

    @Message("Structure {code}")
    String shelterEdit(String code);

    @Message("La structure n'a pas été enregistrée :")
    String shelterErrors();

    @Message("Code INSEE de la commune")
    String shelterCommune();

    @Message("5 caractères, par exemple 69123 pour Lyon.")
    String shelterCommuneHint();

    @Message("Adresse (confidentielle)")
    String shelterAddress();

    @Message("Publics accueillis")
    String shelterGenders();

    @Message("Accueille des familles")
    String shelterFamilies();

    @Message("Nombre maximal d'enfants")
    String shelterMaxChildren();

    @Message("Accessible en fauteuil roulant")
    String shelterWheelchair();

    @Message("Accompagnement proposé")
    String shelterSupport();

    @Message("Langues parlées")
    String shelterLanguages();

    @Message("Codes ISO séparés par des virgules, par exemple fr, en, ro.")
    String shelterLanguagesHint();

    @Message("Unités (un foyer par unité)")
    String shelterUnitsLegend();

    @Message("Unité {n} : capacité")
    String shelterUnitCapacity(int n);

    @Message("Nouvelles unités")
    String shelterNewUnits();

    @Message("Leurs capacités séparées par des virgules, par exemple 2, 3.")
    String shelterNewUnitsHint();

    @Message("Aucun dispositif")
    String shelterNoScheme();

    @Message("Active (proposée par l'appariement)")
    String shelterActiveLabel();

    @Message("Enregistrer")
    String shelterSave();

    @Message("Une structure désactivée n'est plus proposée ; ses placements en cours restent.")
    String shelterDeactivateHint();

    @Message("Désactiver la structure")
    String shelterDeactivate();

    @Message("Structure enregistrée.")
    String shelterSaved();

    @Message("Vérifiez ce champ : il n'est pas accepté.")
    String shelterFieldInvalid();

    @Message("Indiquez un nombre entier.")
    String shelterNumberInvalid();

    @Message("Une autre structure a déjà ce code.")
    String shelterCodeTaken();

    @Message("La structure fait déjà partie d'un autre dispositif.")
    String shelterSchemeTaken();

    @Message("capacité {capacity}, {status}")
    String unitStatus(int capacity, String status);

    @Message("Soutien psychologique")
    String supportPsychological();

    @Message("Soins médicaux")
    String supportMedical();

    @Message("Accompagnement juridique")
    String supportLegal();

    @Message("Cours de français")
    String supportFrenchLessons();

    @Message("Interprétariat")
    String supportInterpreter();

    @Message("Accompagnement social")
    String supportSocial();

    @Message("Garde d'enfants")
    String supportChildcare();

    // Audit log and failed deliveries
    @Message("Alerte prise en compte")
    String auditAlertAcknowledge();

    @Message("Liste des alertes lue")
    String auditAlertList();

    @Message("Alerte lue")
    String auditAlertRead();

    @Message("Flux des alertes ouvert")
    String auditAlertStream();

    @Message("Canaux modifiés")
    String auditChannelUpdate();

    @Message("Envois listés")
    String auditDeliveryList();

    @Message("Proposition acceptée")
    String auditPlacementAccept();

    @Message("Arrivée enregistrée")
    String auditPlacementArrival();

    @Message("Modalités d'arrivée lues")
    String auditPlacementArrivalRead();

    @Message("Désistement après acceptation")
    String auditPlacementBackOut();

    @Message("Proposition refusée")
    String auditPlacementDecline();

    @Message("Placements listés")
    String auditPlacementList();

    @Message("Placement manuel")
    String auditPlacementManual();

    @Message("Point de rendez-vous modifié")
    String auditPlacementMeetingPoint();

    @Message("Placement lu")
    String auditPlacementRead();

    @Message("Identité lue")
    String auditReferralIdentityRead();

    @Message("Orientations listées")
    String auditReferralList();

    @Message("Explication de l'appariement lue")
    String auditReferralMatchingRead();

    @Message("Orientation lue")
    String auditReferralRead();

    @Message("Nouvelle recherche demandée")
    String auditReferralRematch();

    @Message("Orientation déposée")
    String auditReferralSubmit();

    @Message("Orientation retirée")
    String auditReferralWithdraw();

    @Message("Dispositif créé")
    String auditSchemeCreate();

    @Message("Occupation d'un dispositif lue")
    String auditSchemeOccupancyRead();

    @Message("Structures d'un dispositif modifiées")
    String auditSchemeShelters();

    @Message("Dispositif modifié")
    String auditSchemeUpdate();

    @Message("Adresse d'une structure lue")
    String auditShelterAddressRead();

    @Message("Structure créée")
    String auditShelterCreate();

    @Message("Structure modifiée")
    String auditShelterUpdate();

    @Message("Disponibilité d'une unité modifiée")
    String auditUnitAvailability();

    @Message("Journal d'audit")
    String auditLink();

    @Message("Journal d'audit")
    String auditTitle();

    @Message("Qui a lu ou modifié des données personnelles ou confidentielles, et quand, service par service.")
    String auditIntro();

    @Message("Service interrogé")
    String auditService();

    @Message("Orientations (service intake)")
    String auditServiceIntake();

    @Message("Placements (service placement)")
    String auditServicePlacement();

    @Message("Alertes (service notification)")
    String auditServiceNotification();

    @Message("Type de cible")
    String auditTargetType();

    @Message("Identifiant de la cible")
    String auditTargetId();

    @Message("Entrées du journal, les plus récentes d'abord.")
    String auditCaption();

    @Message("Quand")
    String auditAt();

    @Message("Qui")
    String auditSubject();

    @Message("Rôle")
    String auditRole();

    @Message("Organisation ou structure")
    String auditTenant();

    @Message("Action menée")
    String auditAction();

    @Message("Cible")
    String auditTarget();

    @Message("Aucune entrée.")
    String auditNone();

    @Message("Coordination")
    String roleCoordinator();

    @Message("Partenaire")
    String rolePartner();

    @Message("Équipe d'une structure")
    String roleStaff();

    @Message("Service de la suite")
    String roleService();

    @Message("Envois en échec")
    String deliveriesLink();

    @Message("Envois en échec")
    String deliveriesTitle();

    @Message("E-mails et webhooks abandonnés après leurs nouvelles tentatives.")
    String deliveriesIntro();

    @Message("Envois en échec, du plus récent au plus ancien.")
    String deliveriesCaption();

    @Message("Aucun envoi en échec.")
    String deliveriesNone();

    @Message("Créé")
    String deliveryCreatedAt();

    @Message("Canal")
    String deliveryChannel();

    @Message("Destinataire")
    String deliveryRecipient();

    @Message("Évènement")
    String deliveryEvent();

    @Message("Tentatives")
    String deliveryAttempts();

    @Message("Dernière tentative")
    String deliveryLastAttempt();

    @Message("Dernière erreur")
    String deliveryLastError();

    @Message("Orientation")
    String deliveryReferral();

    @Message("Courriel")
    String channelEmail();

    @Message("Webhook (appel signé)")
    String channelWebhook();

    @Message("Une structure")
    String recipientShelter();

    @Message("Une organisation partenaire")
    String recipientOrganisation();

    @Message("La coordination")
    String recipientCoordination();

    @Message("Proposition de place")
    String eventProposed();

    @Message("Acceptation")
    String eventAccepted();

    @Message("Refus")
    String eventDeclined();

    @Message("Proposition expirée")
    String eventExpired();

    @Message("Placement annulé")
    String eventCancelled();

    @Message("Arrivée")
    String eventArrived();

    @Message("Aucune place")
    String eventNoMatch();

    @Message("Personne non arrivée")
    String eventNoShow();

    @Message("Nouvelle recherche")
    String eventSearching();

    @Message("Alerte relancée")
    String eventEscalated();

    @Message("Autre évènement")
    String eventOther();

    // Erasure on request (ADR 17)
    @Message("Effacer les données personnelles")
    String eraseTitle();

    @Message(
            "À la demande de la personne, son identité, ses notes, sa composition familiale, ses zones de danger et ses lieux de rendez-vous sont effacés maintenant dans tous les services, au lieu d'attendre le délai de conservation. Une orientation encore en cours est d'abord retirée. C'est définitif.")
    String eraseExplained();

    @Message("Effacer les données de {pseudonym}…")
    String eraseStart(String pseudonym);

    @Message("Effacer définitivement les données personnelles de {pseudonym}")
    String eraseConfirmTitle(String pseudonym);

    @Message("Motif de l'effacement")
    String eraseReason();

    @Message(
            "Par exemple : la personne a demandé l'effacement. Aucune donnée personnelle ici (500 caractères au plus).")
    String eraseReasonHint();

    @Message("Indiquez le motif de l'effacement (500 caractères au plus).")
    String eraseReasonRequired();

    @Message("Je confirme l'effacement définitif : ces données ne pourront pas être retrouvées.")
    String eraseConfirm();

    @Message("Cochez la confirmation pour effacer.")
    String eraseConfirmRequired();

    @Message("Effacer définitivement")
    String eraseSubmit();

    @Message("Annuler")
    String eraseCancel();

    @Message("Données personnelles effacées dans tous les services.")
    String erased();

    @Message("Données personnelles")
    String personalData();

    @Message("Effacées")
    String personalDataErased();
}
