package org.acse.common.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.france();

    @Test
    void knowsCommunesWithTheirDepartmentAndCentre() {
        Commune nice = gazetteer.requireCommune("06088");
        assertThat(nice.name()).isEqualTo("Nice");
        assertThat(nice.departmentCode()).isEqualTo("06");
        assertThat(nice.regionCode()).isEqualTo("93");
        assertThat(gazetteer.requireCommune("2a004").name()).isEqualTo("Ajaccio");
    }

    @Test
    void knowsParisMarseilleAndLyonByTheirOwnCodeAndByDistrict() {
        assertThat(gazetteer.requireCommune("75056").departmentCode()).isEqualTo("75");
        assertThat(gazetteer.requireCommune("75108").departmentCode()).isEqualTo("75");
        assertThat(gazetteer
                        .requireCommune("13055")
                        .centre()
                        .distanceKm(gazetteer.requireCommune("13201").centre()))
                .isLessThan(10);
    }

    @Test
    void knowsDepartmentsIncludingCorsicaAndOverseas() {
        assertThat(gazetteer.requireDepartment("06").name()).isEqualTo("Alpes-Maritimes");
        assertThat(gazetteer.department("2B")).isPresent();
        assertThat(gazetteer.department("974")).isPresent();
        assertThat(gazetteer.departments()).hasSizeGreaterThanOrEqualTo(101);
    }

    @Test
    void reportsUnknownCodesInsteadOfGuessing() {
        assertThatThrownBy(() -> gazetteer.requireCommune("99999")).isInstanceOf(UnknownPlaceException.class);
        assertThatThrownBy(() -> gazetteer.requireDepartment("20")).isInstanceOf(UnknownPlaceException.class);
        assertThat(gazetteer.commune(null)).isEmpty();
    }

    @Test
    void measuresGreatCircleDistances() {
        GeoPoint nice = gazetteer.requireCommune("06088").centre();
        GeoPoint paris = gazetteer.requireCommune("75056").centre();
        GeoPoint marseille = gazetteer.requireCommune("13055").centre();
        assertThat(nice.distanceKm(paris)).isCloseTo(686, within(10.0));
        assertThat(nice.distanceKm(marseille)).isCloseTo(159, within(5.0));
        assertThat(nice.distanceKm(nice)).isZero();
    }

    @Test
    void shippedResourcesAreExactlyWhatTheCompilerMakesFromTheOpenData(@TempDir Path out) throws Exception {
        // The open data ships in the repository (data/geo); the build passes its path, run from common/ it is "../".
        Path source = Path.of(System.getProperty("acse.geo.source", "../data/geo"));
        assertThat(source.resolve("communes.csv"))
                .as("the gazetteer's open data (data/geo)")
                .exists();
        GazetteerCompiler.compile(source, out);
        Path shipped = Path.of("src/main/resources/org/acse/common/geo");
        for (String file : new String[] {Gazetteer.DEPARTMENTS, Gazetteer.REGIONS}) {
            assertThat(Files.readString(out.resolve(file))).isEqualTo(Files.readString(shipped.resolve(file)));
        }
        assertThat(new String(
                        new GZIPInputStream(Files.newInputStream(out.resolve(Gazetteer.COMMUNES))).readAllBytes()))
                .isEqualTo(new String(
                        new GZIPInputStream(Files.newInputStream(shipped.resolve(Gazetteer.COMMUNES))).readAllBytes()));
    }
}
