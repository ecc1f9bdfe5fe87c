package org.partnerprogram.renewal.domain;

import java.util.Arrays;
import java.util.Optional;

/** The language a partner's notifications are written in (D18); English unless it says otherwise. */
public enum Language {
    EN("en"),
    ZH_CN("zh-CN");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag of the contract: {@code en} or {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag.equals(tag)).findFirst();
    }
}
