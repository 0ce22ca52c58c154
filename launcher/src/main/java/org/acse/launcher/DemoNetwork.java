package org.acse.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The demo network {@code ./acse up} loads: shelters at real communes across metropolitan France with the mix a
 * real network has (mostly women-only, some for men, families, wheelchair access, languages, support), and the
 * Destiny scheme: 18 places in the Alpes-Maritimes (06) and the Var (83) with global support. Names and addresses
 * are invented; the communes are real INSEE codes checked against the gazetteer by a test.
 */
public final class DemoNetwork {

    /** A scheme of places as {@code POST /api/v1/schemes} takes it. */
    public record DemoScheme(String code, String name, String description) {
        public Map<String, Object> request() {
            return Map.of("code", code, "name", name, "description", description);
        }
    }

    /** One shelter as {@code POST /api/v1/shelters} takes it (product §7); {@code schemeCode} null: in no scheme. */
    public record DemoShelter(
            String code,
            String name,
            String communeCode,
            String address,
            List<String> genders,
            boolean families,
            int maxChildren,
            boolean wheelchairAccessible,
            List<String> support,
            List<String> languages,
            List<Integer> units,
            String schemeCode) {

        public Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>(Map.of(
                    "code",
                    code,
                    "name",
                    name,
                    "communeCode",
                    communeCode,
                    "address",
                    address,
                    "accepts",
                    Map.of("genders", genders, "families", families, "maxChildren", maxChildren),
                    "wheelchairAccessible",
                    wheelchairAccessible,
                    "support",
                    support,
                    "languages",
                    languages,
                    "active",
                    true,
                    "units",
                    units.stream().map(c -> Map.of("capacity", c)).toList()));
            if (schemeCode != null) {
                request.put("schemeCode", schemeCode);
            }
            return request;
        }

        public int places() {
            return units.stream().mapToInt(Integer::intValue).sum();
        }
    }

    // code | name | commune | genders (W women, M men, WN women and non-binary, ALL) | max children (- = no
    // families) | wheelchair | support | languages | unit capacities
    private static final String TABLE = """
            lille-aurore       | Foyer L'Aurore             | 59350 | W   | 3 | y | PSYCHOLOGICAL,LEGAL,SOCIAL,CHILDCARE   | fr,en,ro,bg     | 1,2,4
            roubaix-passerelle | La Passerelle              | 59512 | M   | - | n | LEGAL,SOCIAL,FRENCH_LESSONS            | fr,ro,ar,uk     | 1,1,2
            arras-tilleuls     | Les Tilleuls               | 62041 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en           | 2,3
            amiens-escale      | L'Escale                   | 80021 | WN  | - | y | PSYCHOLOGICAL,MEDICAL,LEGAL            | fr,en,es        | 1,1
            rouen-ancrage      | Ancrage                    | 76540 | W   | 4 | n | PSYCHOLOGICAL,CHILDCARE,SOCIAL         | fr,en,yo       | 3,4
            lehavre-phare      | Le Phare                   | 76351 | M   | - | n | SOCIAL,FRENCH_LESSONS                  | fr,pt,es        | 1,2
            caen-olympe        | Maison Olympe              | 14118 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,LEGAL,CHILDCARE  | fr,en,zh        | 2,2,3
            cherbourg-rivage   | Le Rivage                  | 50129 | ALL | 2 | n | SOCIAL                                 | fr,en           | 2
            rennes-albatros    | L'Albatros                 | 35238 | W   | 3 | y | PSYCHOLOGICAL,LEGAL,INTERPRETER        | fr,en,yo,ro    | 1,2,3
            brest-iroise       | Iroise                     | 29019 | W   | - | n | PSYCHOLOGICAL,SOCIAL                   | fr,en           | 1,1
            quimper-odet       | Maison de l'Odet           | 29232 | WN  | 1 | n | PSYCHOLOGICAL,FRENCH_LESSONS           | fr,es,pt        | 2
            vannes-golfe       | Le Golfe                   | 56260 | M   | - | y | LEGAL,SOCIAL,MEDICAL                   | fr,ro,bg,sq     | 1,2
            nantes-estuaire    | L'Estuaire                 | 44109 | W   | 4 | y | PSYCHOLOGICAL,MEDICAL,CHILDCARE,LEGAL  | fr,en,yo   | 2,3,4
            angers-lumiere     | Lumière                    | 49007 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en,vi        | 2,2
            lemans-horizon     | Horizon                    | 72181 | ALL | 3 | n | SOCIAL,FRENCH_LESSONS,CHILDCARE        | fr,ar,ru        | 3,4
            tours-loire        | Les Bords de Loire         | 37261 | W   | 2 | y | PSYCHOLOGICAL,MEDICAL                  | fr,en,zh        | 1,2
            orleans-relais     | Le Relais                  | 45234 | M   | - | n | LEGAL,SOCIAL                           | fr,pt,ro        | 1,1,1
            chartres-cathedrale| Maison Saint-Fulbert       | 28085 | W   | 3 | n | SOCIAL,CHILDCARE                       | fr,es           | 3
            bourges-berry      | Maison du Berry            | 18033 | WN  | - | y | PSYCHOLOGICAL,LEGAL                    | fr,en           | 1,2
            poitiers-clain     | Le Clain                   | 86194 | W   | 3 | n | PSYCHOLOGICAL,INTERPRETER,CHILDCARE    | fr,en,yo,ro    | 2,3
            larochelle-pertuis | Les Pertuis                | 17300 | W   | 2 | y | PSYCHOLOGICAL,MEDICAL,LEGAL            | fr,en,es,pt     | 1,2
            limoges-vienne     | Maison de la Vienne        | 87085 | ALL | 4 | y | SOCIAL,MEDICAL,FRENCH_LESSONS          | fr,ar,uk,ru     | 2,4
            bordeaux-garonne   | La Garonne                 | 33063 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,LEGAL,CHILDCARE  | fr,en,yo,es| 1,2,3,4
            bordeaux-chartrons | Les Chartrons              | 33063 | M   | - | n | LEGAL,SOCIAL,INTERPRETER               | fr,ro,bg,sq,ar  | 1,1,2
            pau-gave           | Le Gave                    | 64445 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,es,pt        | 2
            bayonne-adour      | L'Adour                    | 64102 | WN  | 1 | y | PSYCHOLOGICAL,LEGAL                    | fr,es,en        | 1,2
            toulouse-capitole  | Maison du Capitole         | 31555 | W   | 4 | y | PSYCHOLOGICAL,MEDICAL,CHILDCARE,LEGAL  | fr,en,es,zh     | 2,3,4
            toulouse-canal     | Le Canal                   | 31555 | M   | - | n | SOCIAL,FRENCH_LESSONS                  | fr,ar,ro        | 1,2
            albi-tarn          | Les Rives du Tarn          | 81004 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en           | 2
            montpellier-ecusson| L'Écusson                  | 34172 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,INTERPRETER      | fr,en,es,ar     | 1,2,3
            perpignan-canigou  | Le Canigou                 | 66136 | ALL | 2 | n | SOCIAL,LEGAL                           | fr,es,ca        | 2,2
            clermont-domes     | Les Dômes                  | 63113 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,CHILDCARE        | fr,en,ro        | 2,3
            lyon-presquile     | La Presqu'île              | 69123 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,LEGAL,INTERPRETER| fr,en,yo,zh,ro | 1,2,3,4
            villeurbanne-soie  | La Soie                    | 69266 | M   | - | y | MEDICAL,SOCIAL,LEGAL                   | fr,ar,ro,uk     | 1,2
            saintetienne-forez | Le Forez                   | 42218 | WN  | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en           | 2
            dijon-ducs         | La Maison des Ducs         | 21231 | W   | 3 | n | PSYCHOLOGICAL,CHILDCARE                | fr,en,vi        | 2,3
            besancon-citadelle | La Citadelle               | 25056 | ALL | 3 | y | SOCIAL,MEDICAL                         | fr,ar,sq        | 3,3
            strasbourg-ill     | Les Rives de l'Ill         | 67482 | W   | 4 | y | PSYCHOLOGICAL,MEDICAL,LEGAL,CHILDCARE  | fr,de,en,ro,bg  | 2,3,4
            metz-moselle       | La Moselle                 | 57463 | M   | - | n | LEGAL,SOCIAL,FRENCH_LESSONS            | fr,de,ro,bg     | 1,1,2
            nancy-stanislas    | Maison Stanislas           | 54395 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en,ru        | 2
            reims-sacre        | Le Sacre                   | 51454 | W   | 3 | y | PSYCHOLOGICAL,LEGAL,CHILDCARE          | fr,en,yo       | 2,3
            troyes-seine       | La Seine                   | 10387 | WN  | - | n | PSYCHOLOGICAL                          | fr,en,es        | 1
            paris-belleville   | Belleville                 | 75056 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,LEGAL,INTERPRETER| fr,en,zh,yo,ro | 1,2,2,3
            saintdenis-basilique | La Basilique             | 93066 | M   | - | y | LEGAL,MEDICAL,SOCIAL                   | fr,ar,ro,pt     | 1,2
            versailles-trianon | Le Trianon                 | 78646 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en           | 2
            grenoble-bastille  | La Bastille                | 38185 | W   | 2 | y | PSYCHOLOGICAL,MEDICAL                  | fr,en,it        | 1,2
            avignon-remparts   | Les Remparts               | 84007 | W   | 3 | n | PSYCHOLOGICAL,SOCIAL                   | fr,en,ar        | 2,3
            marseille-vieuxport| Le Vieux-Port              | 13055 | W   | 3 | y | PSYCHOLOGICAL,MEDICAL,LEGAL            | fr,en,ar,yo    | 2,3
            toulon-rade        | La Rade                    | 83137 | M   | - | n | SOCIAL,LEGAL                           | fr,ar,ro        | 1,2
            cannes-croisette   | La Croisette               | 06029 | W   | 2 | y | PSYCHOLOGICAL,SOCIAL                   | fr,en,ru        | 2
            ajaccio-sanguinaires | Les Sanguinaires         | 2A004 | W   | 2 | n | PSYCHOLOGICAL,SOCIAL                   | fr,it           | 2
            """;

    /** The Destiny scheme (dispositif Destiny): French first, then English. */
    public static final DemoScheme DESTINY = new DemoScheme(
            "DESTINY",
            "Dispositif Destiny",
            "18 places dans les Alpes-Maritimes (06) et le Var (83) pour des victimes en danger localement ou en"
                    + " grande vulnérabilité qui demandent à s'éloigner : accueil à bref délai pour une évaluation et"
                    + " un accompagnement global (soutien psychologique, cours de français, démarches juridiques,"
                    + " administratives et sociales, accès aux soins). Les personnes venant d'ailleurs en France sont"
                    + " orientées vers ces places. / 18 places in the Alpes-Maritimes (06) and the Var (83) for victims"
                    + " in local danger or in great vulnerability who ask to move away: received at short notice for"
                    + " an assessment and global support (psychological support, French lessons, legal,"
                    + " administrative and social steps, access to care). People from elsewhere in France are sent"
                    + " to these places.");

    /** The support every shelter of the Destiny scheme gives. */
    static final String DESTINY_SUPPORT = "PSYCHOLOGICAL,FRENCH_LESSONS,LEGAL,SOCIAL,MEDICAL";

    // The Destiny scheme's shelters, same columns: 18 places in the 06 and the 83.
    private static final String DESTINY_TABLE = """
            destiny-nice       | Destiny – Le Port          | 06088 | WN  | 2 | y | %1$s | fr,en,ro       | 1,1,2
            destiny-cannes     | Destiny – Les Mimosas      | 06029 | W   | 1 | n | %1$s | fr,en,es       | 1,2
            destiny-antibes    | Destiny – Le Fort Carré    | 06004 | ALL | - | y | %1$s | fr,en,ar       | 1,1
            destiny-grasse     | Destiny – Les Jasmins      | 06069 | M   | - | n | %1$s | fr,ar,ro       | 2
            destiny-toulon     | Destiny – La Corniche      | 83137 | W   | 2 | y | %1$s | fr,en,yo       | 1,1,2
            destiny-hyeres     | Destiny – Les Salins       | 83069 | WN  | - | n | %1$s | fr,en,pt       | 1
            destiny-frejus     | Destiny – L'Estérel        | 83061 | M   | - | n | %1$s | fr,ar,uk       | 1
            destiny-draguignan | Destiny – Le Malmont       | 83050 | W   | - | y | %1$s | fr,en,zh       | 1
            """.formatted(DESTINY_SUPPORT);

    private static final String[] STREETS = {
        "rue des Écoles",
        "avenue de la République",
        "rue Victor-Hugo",
        "rue du Moulin",
        "impasse des Lilas",
        "chemin des Vignes",
        "rue Pasteur",
        "boulevard Gambetta",
        "rue de la Paix",
        "allée des Tilleuls"
    };

    private static final List<DemoShelter> SHELTERS = network();

    public static List<DemoShelter> shelters() {
        return SHELTERS;
    }

    /** The schemes of the network, loaded before the shelters that belong to them. */
    public static List<DemoScheme> schemes() {
        return List.of(DESTINY);
    }

    /** The shelters of a scheme. */
    public static List<DemoShelter> of(DemoScheme scheme) {
        return SHELTERS.stream()
                .filter(s -> scheme.code().equals(s.schemeCode()))
                .toList();
    }

    private static List<DemoShelter> network() {
        List<DemoShelter> all = new ArrayList<>(parse(TABLE, null, 0));
        all.addAll(parse(DESTINY_TABLE, DESTINY.code(), all.size()));
        return List.copyOf(all);
    }

    private static List<DemoShelter> parse(String table, String schemeCode, int first) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        return IntStream.range(0, lines.size())
                .mapToObj(i -> row(first + i, lines.get(i), schemeCode))
                .toList();
    }

    private static DemoShelter row(int index, String line, String schemeCode) {
        String[] f = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
        if (f.length != 9) {
            throw new IllegalStateException("demo network row " + (index + 1) + " has " + f.length + " columns");
        }
        List<String> genders = switch (f[3]) {
            case "W" -> List.of("FEMALE");
            case "M" -> List.of("MALE");
            case "WN" -> List.of("FEMALE", "NON_BINARY");
            case "ALL" -> List.of("FEMALE", "MALE", "NON_BINARY");
            default -> throw new IllegalStateException("demo network row " + (index + 1) + ": genders " + f[3]);
        };
        boolean families = !f[4].equals("-");
        // Invented addresses: they exercise the confidential field without pointing at a real building.
        String address = (index % 97 + 3) + " " + STREETS[index % STREETS.length] + " (adresse fictive)";
        return new DemoShelter(
                f[0],
                f[1],
                f[2],
                address,
                genders,
                families,
                families ? Integer.parseInt(f[4]) : 0,
                f[5].equals("y"),
                List.of(f[6].split(",")),
                List.of(f[7].split(",")),
                Arrays.stream(f[8].split(","))
                        .map(String::trim)
                        .map(Integer::valueOf)
                        .toList(),
                schemeCode);
    }

    private DemoNetwork() {}
}
