package org.acse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.acse.web.coordinator.CoordMsg;
import org.acse.web.i18n.Msg;
import org.acse.web.staff.StaffMsg;
import org.junit.jupiter.api.Test;

/** One bundle per language: every key has a French text (the interface) and an English one (the file), no other. */
class MessagesTest {
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyKeyHasAFrenchAndAnEnglishTextWithTheSameParameters() throws Exception {
        bundle(Msg.class, "msg_en");
        bundle(CoordMsg.class, "coord_en");
        bundle(StaffMsg.class, "staff_en");
    }

    private static void bundle(Class<?> messages, String file) throws Exception {
        Properties english = english(file);
        Set<String> keys = new TreeSet<>();
        for (Method method : messages.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            keys.add(method.getName());
            Message french = method.getAnnotation(Message.class);
            assertThat(french).as("French text of %s", method.getName()).isNotNull();
            assertThat(french.value()).as("French text of %s", method.getName()).isNotBlank();
            String englishText = english.getProperty(method.getName());
            assertThat(englishText)
                    .as("English text of %s in msg_en.properties", method.getName())
                    .isNotBlank();
            assertThat(params(englishText))
                    .as("parameters of %s in English", method.getName())
                    .isEqualTo(params(french.value()));
            assertThat(params(french.value()))
                    .as("parameters of %s", method.getName())
                    .isEqualTo(new TreeSet<>(Arrays.stream(method.getParameters())
                            .map(p -> p.getName())
                            .toList()));
        }
        assertThat(english.stringPropertyNames())
                .as("English keys without a French text")
                .isSubsetOf(keys);
    }

    @Test
    void frenchAndEnglishDiffer() throws Exception {
        Properties english = english("msg_en");
        long same = Arrays.stream(Msg.class.getDeclaredMethods())
                .filter(m -> m.getAnnotation(Message.class).value().equals(english.getProperty(m.getName())))
                .count();
        // A few words are the same in both languages (Rang/Rank differ, but "Score", "Notes", "Urgence"... do not).
        assertThat(same).as("texts left untranslated").isLessThan(8);
    }

    private static Set<String> params(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties english(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/messages/" + file + ".properties")) {
            assertThat(in).as("messages/%s.properties", file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
