package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailCheckTest {

  @Test
  void of_whenMixedCase_keepsDisplayCaseAndHashesLowerCase() {
    EmailCheck check = EmailCheck.of("  Urist.McVankab@FreddiesJokes.com ");

    assertThat(check.classification()).isEqualTo(EmailClassification.VALID);
    ContactEmail email = check.email().get();
    assertThat(email.address()).isEqualTo("Urist.McVankab@FreddiesJokes.com");
    assertThat(email.normalized()).isEqualTo("urist.mcvankab@freddiesjokes.com");
    // md5("urist.mcvankab@freddiesjokes.com")
    assertThat(email.subscriberHash()).isEqualTo(ContactEmail.md5Hex("urist.mcvankab@freddiesjokes.com"));
    assertThat(ContactEmail.md5Hex("birds@intuit.com")).isEqualTo("71ffeb0523d67e37aa5745749e1887b1");
  }

  @Test
  void of_whenSeveralAddresses_choosesFirstValidNonRoleBased() {
    EmailCheck check = EmailCheck.of("not an email, admin@shop.com ,Jane@Shop.com, joe@shop.com");

    assertThat(check.email().get().address()).isEqualTo("Jane@Shop.com");
  }

  @Test
  void of_whenOnlyRoleBased_isRoleBased() {
    assertThat(EmailCheck.of("Admin@shop.com, no-reply@shop.com").classification())
        .isEqualTo(EmailClassification.ROLE_BASED);
    assertThat(EmailCheck.of("Admin@shop.com").email()).isEmpty();
  }

  @Test
  void of_whenMissing_isMissing() {
    assertThat(EmailCheck.of(null).classification()).isEqualTo(EmailClassification.MISSING);
    assertThat(EmailCheck.of("   ").classification()).isEqualTo(EmailClassification.MISSING);
    assertThat(EmailCheck.of(" , ,").classification()).isEqualTo(EmailClassification.MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain", "@shop.com", "jane@", "jane@shop", "jane@@shop.com", "jane@shop..com",
        ".jane@shop.com", "jane.@shop.com", "ja..ne@shop.com", "jane@-shop.com", "jane@shop.c0m",
        "jane doe@shop.com", "jäne@shop.com", "jane@shöp.com", "jane@shop.c"
      })
  void of_whenMalformed_isInvalidSyntax(String address) {
    assertThat(EmailCheck.of(address).classification()).isEqualTo(EmailClassification.INVALID_SYNTAX);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b.co", "o'brien+tag@sub.example.org", "x_y-z@a-b.example.travel"})
  void isValidSyntax_acceptsCommonAddresses(String address) {
    assertThat(EmailCheck.isValidSyntax(address)).isTrue();
  }

  @Test
  void roleBasedList_isMailchimpsList() {
    assertThat(RoleBasedEmails.localParts())
        .hasSize(35)
        .contains("abuse", "admin", "postmaster", "security", "webmaster", "hostmaster", "noreply", "no-reply", "www");
    assertThat(RoleBasedEmails.isRoleBased("PostMaster@example.com")).isTrue();
    assertThat(RoleBasedEmails.isRoleBased("info@example.com")).isFalse();
  }

  @Test
  void toString_masksTheAddress() {
    ContactEmail email = EmailCheck.of("Jane.Doe@shop.com").email().get();

    assertThat(email.toString()).isEqualTo("J***@shop.com").doesNotContain("Doe");
  }
}
