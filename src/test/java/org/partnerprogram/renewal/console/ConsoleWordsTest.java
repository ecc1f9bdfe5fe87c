package org.partnerprogram.renewal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.domain.BlockerCode;
import org.partnerprogram.renewal.domain.DueWork;
import org.partnerprogram.renewal.domain.Notification;
import org.partnerprogram.renewal.domain.NotificationEvent;
import org.partnerprogram.renewal.domain.OfferStatus;
import org.partnerprogram.renewal.domain.OfferType;
import org.partnerprogram.renewal.domain.ReminderKind;
import org.partnerprogram.renewal.usecase.Problem;

/**
 * The console says every refusal the API can give in the page's language: a problem code or a
 * blocker code without words of its own would show the service's English detail on a Chinese page.
 */
class ConsoleWordsTest {

    /** Each language's keys, read from i18n.js: a language opens with "  en: {" or "  'zh-CN': {". */
    static Map<String, Set<String>> keysByLanguage() throws IOException {
        String source;
        try (InputStream in = ConsoleWordsTest.class.getResourceAsStream("/console/i18n.js")) {
            source = new String(Objects.requireNonNull(in, "console/i18n.js").readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Set<String> current = null;
        Pattern language = Pattern.compile("^  '?([A-Za-z-]+)'?: \\{$");
        Pattern key = Pattern.compile("'([a-zA-Z][\\w.-]*)':");
        for (String line : source.lines().toList()) {
            Matcher opens = language.matcher(line);
            if (opens.matches()) {
                current = new TreeSet<>();
                keys.put(opens.group(1), current);
            } else if (line.startsWith("};")) {
                break;
            } else if (current != null) {
                Matcher found = key.matcher(line);
                while (found.find()) {
                    current.add(found.group(1));
                }
            }
        }
        return keys;
    }

    /** The same keys, but for the plural forms a language has ("1 day left"; Chinese has only the other form). */
    @Test
    void bothLanguagesHaveWordsForTheSameKeys() throws IOException {
        Map<String, Set<String>> keys = keysByLanguage();
        assertThat(keys).containsOnlyKeys("en", "zh-CN");
        assertThat(withoutPluralForms(keys.get("zh-CN"))).isEqualTo(withoutPluralForms(keys.get("en")));
    }

    static Set<String> withoutPluralForms(Set<String> keys) {
        Set<String> kept = new TreeSet<>(keys);
        kept.removeIf(key -> key.endsWith(".one") && keys.contains(key.substring(0, key.length() - ".one".length()) + ".other"));
        return kept;
    }

    @Test
    void everyProblemAndBlockerTheApiCanAnswerHasWordsInBothLanguages() throws IOException {
        for (Set<String> language : keysByLanguage().values()) {
            Arrays.stream(Problem.Kind.values()).filter(kind -> kind != Problem.Kind.RENEWAL_REFUSED) // its code is a blocker's
                    .map(kind -> Problem.of(kind, "any").code())
                    .forEach(code -> assertThat(language).contains("problem." + code));
            Arrays.stream(BlockerCode.values()).forEach(code -> assertThat(language).contains("blocker." + code.code()));
        }
    }

    /** The values the API answers that the console names (offer type and status, event, delivery, due work). */
    @Test
    void everyValueTheConsoleNamesHasWordsInBothLanguages() throws IOException {
        Map<String, Enum<?>[]> named = Map.of("type.", OfferType.values(), "status.", OfferStatus.values(),
                "event.", NotificationEvent.values(), "delivery.", Notification.Status.values());
        for (Set<String> language : keysByLanguage().values()) {
            named.forEach((prefix, values) -> Arrays.stream(values).forEach(v -> assertThat(language).contains(prefix + v.name())));
            Arrays.stream(ReminderKind.values()).forEach(kind -> assertThat(language).contains("event." + kind.name()));
            Arrays.stream(DueWork.Kind.values()).forEach(work -> assertThat(language).contains("event." + work.name()));
        }
    }
}
