package org.acse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.acse.common.geo.Commune;
import org.acse.common.geo.Gazetteer;
import org.junit.jupiter.api.Test;

/** What the launcher says about a placement: department and region, the scheme, never an address. */
class DemoReferralTest {
    private final Gazetteer france = Gazetteer.france();

    static JsonNode json(String text) throws Exception {
        return SuiteApi.JSON.readTree(text);
    }

    @Test
    void placedInTheSchemeFromParis() throws Exception {
        Commune draguignan = france.requireCommune("83050");
        List<String> lines = DemoReferral.placedLines(
                france,
                draguignan,
                france.requireCommune(DemoReferral.PARIS),
                "HELD",
                "10:12:00Z",
                812,
                json("{\"id\":\"x\",\"code\":\"DESTINY\",\"name\":\"Dispositif Destiny\"}"),
                json("{\"code\":\"DESTINY\",\"sheltersInScheme\":8,\"eligibleInScheme\":5,\"applied\":true}"));
        String said = String.join("\n", lines);
        assertThat(said)
                .contains(
                        "of the Dispositif Destiny (DESTINY)",
                        "Var (83)",
                        "region Provence-Alpes-Côte d'Azur",
                        "outside its department",
                        "812 ms",
                        "preferred in the ranking",
                        "address stays with placement-service");
        assertThat(said).doesNotContain("fictive", "rue", "Draguignan");
    }

    @Test
    void inDangerInNiceTheDangerZoneRuleWins() throws Exception {
        Commune grenoble = france.requireCommune("38185");
        List<String> lines = DemoReferral.placedLines(
                france,
                grenoble,
                france.requireCommune(DemoReferral.DANGER_ZONE),
                "HELD",
                "10:12:00Z",
                640,
                MissingNode.getInstance(),
                json("""
                        {"code":"DESTINY","sheltersInScheme":8,"eligibleInScheme":0,"applied":false,
                         "exclusionsInScheme":{"IN_DANGER_ZONE_DEPARTMENT":4,"TOO_CLOSE_TO_DANGER_ZONE":4}}"""));
        String said = String.join("\n", lines);
        assertThat(said)
                .contains(
                        "in a shelter in Isère (38), region Auvergne-Rhône-Alpes",
                        "outside its department",
                        "could not apply",
                        "its 8 shelters are in the danger zone's department (4) or too close to the"
                                + " danger zone (4)",
                        "the danger-zone rule wins over the scheme");
        assertThat(said).doesNotContain("of the Dispositif");
        // Some of the scheme's shelters would not take this household anyway: said as it is.
        String mixed = String.join(
                "\n",
                DemoReferral.placedLines(
                        france,
                        grenoble,
                        france.requireCommune(DemoReferral.DANGER_ZONE),
                        "HELD",
                        "10:12:00Z",
                        640,
                        MissingNode.getInstance(),
                        json("""
                        {"code":"DESTINY","sheltersInScheme":8,"eligibleInScheme":0,"applied":false,
                         "exclusionsInScheme":{"FAMILIES_NOT_ACCEPTED":3,"IN_DANGER_ZONE_DEPARTMENT":5}}""")));
        assertThat(mixed)
                .contains(
                        "could not apply",
                        "danger zone's department (5)",
                        "a preference never outranks the hard constraints")
                .doesNotContain("rule wins");
        // No scheme asked for: nothing said about one.
        assertThat(DemoReferral.placedLines(
                        france,
                        grenoble,
                        france.requireCommune(DemoReferral.DANGER_ZONE),
                        "HELD",
                        "?",
                        1,
                        MissingNode.getInstance(),
                        MissingNode.getInstance()))
                .hasSize(2);
    }
}
