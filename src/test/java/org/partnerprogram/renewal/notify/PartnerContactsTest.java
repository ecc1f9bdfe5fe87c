package org.partnerprogram.renewal.notify;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.partnerprogram.renewal.api.Tokens;

/** D18: an operator lists the partner's contacts and language; the answer echoes them. */
@QuarkusTest
class PartnerContactsTest extends NotifyTestSupport {

    Response put(String partnerId, String body) {
        return as(Tokens.operator()).contentType(ContentType.JSON).body(body).put("/partners/{p}", partnerId);
    }

    static String body(String extra) {
        return "{\"name\":\"Contoso Ltd\",\"migratedToPartnerCenter\":true" + extra + "}";
    }

    @Test
    void contactsAndLanguageAreEchoed() {
        put("contoso-echo", body(",\"contacts\":[{\"email\":\"ana@contoso.example\",\"name\":\"Ana Lima\"},"
                + "{\"email\":\"ops@contoso.example\"}],\"language\":\"zh-CN\""))
                .then().statusCode(200)
                .body("partnerId", equalTo("contoso-echo"))
                .body("contacts.email", contains("ana@contoso.example", "ops@contoso.example"))
                .body("contacts[0].name", equalTo("Ana Lima"))
                .body("contacts[1]", not(hasKey("name")))
                .body("language", equalTo("zh-CN"));
    }

    @Test
    void withoutContactsNobodyIsListedAndTheLanguageIsEnglish() {
        put("contoso-defaults", body("")).then().statusCode(200)
                .body("contacts", empty()).body("language", equalTo("en"));
    }

    @Test
    void aPutReplacesTheContacts() {
        put("contoso-replace", body(",\"contacts\":[{\"email\":\"ana@contoso.example\"}]")).then().statusCode(200);
        put("contoso-replace", body("")).then().statusCode(200).body("contacts", empty());
    }

    @Test
    void tenContactsAreAcceptedElevenAreNot() {
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : ",").append("{\"email\":\"c").append(i).append("@contoso.example\"}");
        }
        put("contoso-ten", body(",\"contacts\":[" + ten + "]")).then().statusCode(200);
        invalid(body(",\"contacts\":[" + ten + ",{\"email\":\"c10@contoso.example\"}]"), "contacts");
    }

    @Test
    void theSameAddressTwiceIgnoringCaseIsRefusedNamingTheField() {
        invalid(body(",\"contacts\":[{\"email\":\"ana@contoso.example\"},{\"email\":\"ANA@Contoso.example\"}]"),
                "contacts[1].email");
    }

    @Test
    void addressesMustHaveOneAtADottedDomainAndNoSpaces() {
        for (String email : new String[] {"ana.contoso.example", "ana@@contoso.example", "ana@b@contoso.example",
                "ana@localhost", "ana lima@contoso.example", "@contoso.example", "ana@contoso.", "ana@.example", ""}) {
            invalid(body(",\"contacts\":[{\"email\":\"" + email + "\"}]"), "contacts[0].email");
        }
        invalid(body(",\"contacts\":[{\"email\":\"" + "a".repeat(243) + "@contoso.example\"}]"), "contacts[0].email");
        put("contoso-254", body(",\"contacts\":[{\"email\":\"" + "a".repeat(238) + "@contoso.example\"}]")).then().statusCode(200);
        invalid(body(",\"contacts\":[{\"name\":\"Ana\"}]"), "contacts[0].email");
        invalid(body(",\"contacts\":[{\"email\":42}]"), "contacts[0].email");
    }

    @Test
    void contactsMustBeAListOfObjectsWithKnownFields() {
        invalid(body(",\"contacts\":\"ana@contoso.example\""), "contacts");
        invalid(body(",\"contacts\":[\"ana@contoso.example\"]"), "contacts[0]");
        invalid(body(",\"contacts\":[{\"email\":\"ana@contoso.example\",\"phone\":\"1\"}]"), "contacts[0].phone");
        invalid(body(",\"contacts\":[{\"email\":\"ana@contoso.example\",\"name\":\"\"}]"), "contacts[0].name");
    }

    @Test
    void theLanguageIsEnglishOrSimplifiedChinese() {
        put("contoso-en", body(",\"language\":\"en\"")).then().statusCode(200).body("language", equalTo("en"));
        for (String language : new String[] {"\"fr\"", "\"zh\"", "\"zh-cn\"", "\"EN\"", "1"}) {
            invalid(body(",\"language\":" + language), "language");
        }
    }

    private void invalid(String body, String field) {
        put("contoso-invalid", body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-request"))
                .body("detail", containsString(field));
    }
}
