package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.core.model.MarketingStatus;
import dev.qbmc.core.model.SkipReason;
import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CustomerMappingTest {

  private final QboMapper mapper = QboMapper.of(QboMapperFixturesTest.SETTINGS);

  private static Customer.Builder customer(String email) {
    Customer.Builder b = Customer.builder().id("42");
    if (email != null) {
      b.primaryEmailAddr(EmailAddress.of(email));
    }
    return b;
  }

  private ContactRecord contact(Customer c) {
    return mapper.customer(c).record().orElseThrow().contact();
  }

  @Test
  void names_whenNoGivenOrFamilyName_areSplitFromDisplayName() {
    ContactRecord c = contact(customer("a@b.co").displayName("Jack  van der Berg").build());

    assertThat(c.firstName()).contains("Jack");
    assertThat(c.lastName()).contains("van der Berg");
  }

  @Test
  void names_lastCommaFirst_subCustomerPath_andDeletedSuffix() {
    assertThat(contact(customer("a@b.co").displayName("Doe, Jack").build()).firstName()).contains("Jack");
    assertThat(contact(customer("a@b.co").displayName("Doe, Jack").build()).lastName()).contains("Doe");
    ContactRecord sub = contact(customer("a@b.co").displayName("Doe, Jack:Jack Doe (deleted)").build());
    assertThat(sub.firstName()).contains("Jack");
    assertThat(sub.lastName()).contains("Doe");
  }

  @Test
  void names_fallBackToCompanyName_andSingleWordIsAFirstName() {
    ContactRecord c = contact(customer("a@b.co").companyName("Araborn").build());

    assertThat(c.firstName()).contains("Araborn");
    assertThat(c.lastName()).isEmpty();
  }

  @Test
  void address_whenBillIncompleteAndShipComplete_usesShip() {
    Customer c =
        customer("a@b.co")
            .billAddr(PhysicalAddress.builder().line1("Jane Doe").line2("Main St 1").line3("Springfield, IL 62701").build())
            .shipAddr(QboMapperFixturesTest.address("5 Oak Rd", "Toronto", "Canada", "ON", "M3E 3E4"))
            .build();

    ContactRecord contact = contact(c);

    assertThat(contact.address().get().city()).isEqualTo("Toronto");
    assertThat(contact.address().get().country()).contains("CA");
    assertThat(contact.notes()).isEmpty();
  }

  @Test
  void address_whenUnstructured_isOmittedWithIncompleteAddressNote() {
    Customer c =
        customer("a@b.co")
            .billAddr(PhysicalAddress.builder().line1("Jane Doe").line2("Main St 1").line3("Springfield, IL 62701").build())
            .build();

    MappingOutcome<MappedCustomer> outcome = mapper.customer(c);

    assertThat(outcome.isMapped()).isTrue();
    assertThat(outcome.record().get().contact().address()).isEmpty();
    assertThat(outcome.record().get().contact().notes()).containsExactly(MappingNote.INCOMPLETE_ADDRESS);
  }

  @Test
  void emptyFields_areAbsent_soTheyNeverEraseMailchimpData() {
    Customer c =
        customer("a@b.co")
            .givenName("  ")
            .familyName("")
            .primaryPhone(TelephoneNumber.of(" "))
            .billAddr(PhysicalAddress.builder().line1(" ").build())
            .build();

    ContactRecord contact = contact(c);

    assertThat(contact.firstName()).isEmpty();
    assertThat(contact.lastName()).isEmpty();
    assertThat(contact.phone()).isEmpty();
    assertThat(contact.address()).isEmpty();
    assertThat(contact.notes()).isEmpty();
  }

  @Test
  void phone_fallsBackToMobile() {
    ContactRecord c = contact(customer("a@b.co").mobile(TelephoneNumber.of("(831) 330-1234")).build());

    assertThat(c.phone()).contains("(831) 330-1234");
  }

  @Test
  void longUnicodeNames_areCutTo255BytesAtACodePoint() {
    String name = "😀".repeat(100);
    ContactRecord c = contact(customer("a@b.co").givenName(name).build());

    assertThat(c.firstName().get().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
    assertThat(c.firstName().get()).isEqualTo("😀".repeat(63));
    assertThat(c.notes()).contains(MappingNote.TRUNCATED_VALUE);
  }

  @Test
  void emailProblems_skipWithTheirReason() {
    assertThat(mapper.customer(customer(null).build()).skipReason()).contains(SkipReason.NO_EMAIL);
    assertThat(mapper.customer(customer("nope").build()).skipReason()).contains(SkipReason.INVALID_EMAIL);
    assertThat(mapper.customer(customer("security@b.co").build()).skipReason())
        .contains(SkipReason.ROLE_BASED_EMAIL);
    assertThat(mapper.customer(Customer.builder().id(" ").build()).skipReason())
        .contains(SkipReason.MALFORMED_RECORD);
  }

  @Test
  void severalEmails_areNoted() {
    ContactRecord c = contact(customer("admin@b.co, jane@b.co").build());

    assertThat(c.email().address()).isEqualTo("jane@b.co");
    assertThat(c.notes()).contains(MappingNote.FIRST_OF_SEVERAL_EMAILS);
  }

  @Test
  void unsubscribedConnection_givesStatusIfNewUnsubscribedAndNoOptIn() {
    QboMapper unsubscribed =
        QboMapper.of(
            SyncSettings.builder()
                .marketingStatus(MarketingStatus.UNSUBSCRIBED)
                .tag("QBO import")
                .storeId("s")
                .homeCurrency("EUR")
                .build());

    MappedCustomer m = unsubscribed.customer(customer("a@b.co").build()).record().get();

    assertThat(m.contact().statusIfNew()).isEqualTo(MarketingStatus.UNSUBSCRIBED);
    assertThat(m.contact().tag()).isEqualTo("QBO import");
    assertThat(m.commerceCustomer().optIn()).isFalse();
  }

  @Test
  void fingerprint_isStableAndIgnoresTheQboIdAndNotes() {
    ContactRecord a = contact(customer("Jane@b.co").givenName("Jane").build());
    ContactRecord b = contact(customer("Jane@b.co").id("43").givenName("Jane").build());
    ContactRecord c = contact(customer("Jane@b.co").givenName("Janet").build());

    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(a.fingerprint()).isNotEqualTo(c.fingerprint());
  }
}
