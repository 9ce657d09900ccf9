package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.ReferenceType;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A company whose jobs share, lack and differ from their parent's email: Maya Chen (1) with the jobs
 * "Catering 2025" (2, her email), "Office Lunches" (3, no email), "Wedding" (4, the planner's own
 * email) and "Tasting" (5, billed with its parent), and "Rehearsal" (6, a job of the wedding job,
 * without email).
 */
class PeopleMappingTest {

  private final QboMapper mapper = QboMapper.of(QboMapperFixturesTest.SETTINGS);

  static Customer maya() {
    return Customer.builder()
        .id("1")
        .displayName("Maya Chen")
        .givenName("Maya")
        .familyName("Chen")
        .primaryEmailAddr(EmailAddress.of("maya@chen.example"))
        .primaryPhone(TelephoneNumber.of("+1 555 0100"))
        .billAddr(QboMapperFixturesTest.address("1 Main St", "Springfield", "USA", "IL", "62701"))
        .balance(BigDecimal.ZERO)
        .balanceWithJobs(new BigDecimal("120.00"))
        .build();
  }

  static Customer job(String id, String parentId, String displayName, String email) {
    Customer.Builder b = Customer.builder()
        .id(id)
        .displayName(displayName)
        .fullyQualifiedName("Maya Chen:" + displayName)
        .job(true)
        .parentRef(ReferenceType.builder().value(parentId).build())
        .level(1);
    if (email != null) {
      b.primaryEmailAddr(EmailAddress.of(email));
    }
    return b.build();
  }

  static List<Customer> company() {
    List<Customer> all = new ArrayList<>();
    all.add(maya());
    all.add(job("2", "1", "Catering 2025", "maya@chen.example"));
    all.add(job("3", "1", "Office Lunches", null));
    all.add(job("4", "1", "Wedding", "planner@wedding.example"));
    all.add(Customer.builder().from(job("5", "1", "Tasting", "tasting@chen.example")).billWithParent(true).build());
    all.add(job("6", "4", "Rehearsal", null));
    return all;
  }

  @Test
  void topLevelCustomer_isRankedTopLevelAndActive_withItsBalanceWithJobs() {
    MappedCustomer m = mapper.customer(maya()).record().orElseThrow();

    assertThat(m.rank()).isEqualTo(new CustomerRank("1", false, true));
    assertThat(m.openBalance()).as("BalanceWithJobs 120 counts, Balance 0 does not").isTrue();
    assertThat(m.contact().firstName()).contains("Maya");
    assertThat(m.contact().lastName()).contains("Chen");
    assertThat(mapper.parentLink(maya())).isEmpty();
  }

  @Test
  void jobSharingTheParentsEmail_isAJob_andItsOwnNameNeverBecomesAPersonsName() {
    MappedCustomer m = mapper.customer(job("2", "1", "Catering 2025", "maya@chen.example")).record().orElseThrow();

    assertThat(m.rank().job()).isTrue();
    assertThat(m.contact().subscriberHash()).isEqualTo(mapper.customer(maya()).record().orElseThrow().contact().subscriberHash());
    assertThat(m.contact().firstName()).isEmpty();
    assertThat(m.contact().lastName()).isEmpty();
    assertThat(mapper.parentLink(job("2", "1", "Catering 2025", "maya@chen.example"))).isEmpty();
  }

  @Test
  void jobWithGivenAndFamilyName_keepsThosePersonNames() {
    Customer withPerson = Customer.builder().from(job("4", "1", "Wedding", "planner@wedding.example"))
        .givenName("Ana").familyName("Ruiz").build();

    ContactRecord contact = mapper.customer(withPerson).record().orElseThrow().contact();

    assertThat(contact.firstName()).contains("Ana");
    assertThat(contact.lastName()).contains("Ruiz");
  }

  @Test
  void jobWithItsOwnEmail_getsItsOwnContact_withoutNames_andKeepsItsOrders() {
    Customer wedding = job("4", "1", "Wedding", "planner@wedding.example");
    MappedCustomer m = mapper.customer(wedding).record().orElseThrow();

    assertThat(m.contact().email().address()).isEqualTo("planner@wedding.example");
    assertThat(m.contact().firstName()).isEmpty();
    assertThat(mapper.parentLink(wedding)).isEmpty();
  }

  @Test
  void jobWithoutEmail_isLinkedToItsParent_notJustSkipped() {
    Customer lunches = job("3", "1", "Office Lunches", null);

    assertThat(mapper.customer(lunches).isMapped()).isFalse();
    ParentLink link = mapper.parentLink(lunches).orElseThrow();
    assertThat(link.qboId()).isEqualTo("3");
    assertThat(link.parentId()).isEqualTo("1");
    assertThat(link.billWithParent()).isFalse();
    assertThat(link.detail()).contains("parent 1");
  }

  @Test
  void jobWithInvalidOrRoleBasedEmail_isLinkedToItsParent() {
    assertThat(mapper.parentLink(job("7", "1", "Bad", "not-an-email"))).hasValueSatisfying(
        l -> assertThat(l.detail()).contains("valid email"));
    assertThat(mapper.parentLink(job("8", "1", "Role", "admin@chen.example"))).hasValueSatisfying(
        l -> assertThat(l.detail()).contains("role-based").doesNotContain("admin@chen.example"));
  }

  @Test
  void jobBilledWithItsParent_hasItsOwnContact_andALinkForItsOrders() {
    Customer tasting = Customer.builder().from(job("5", "1", "Tasting", "tasting@chen.example")).billWithParent(true)
        .build();

    assertThat(mapper.customer(tasting).isMapped()).isTrue();
    ParentLink link = mapper.parentLink(tasting).orElseThrow();
    assertThat(link.billWithParent()).isTrue();
    assertThat(link.parentId()).isEqualTo("1");
  }

  @Test
  void nestedJob_isLinkedToItsDirectParent_theChainIsResolvedByThePlanner() {
    assertThat(mapper.parentLink(job("6", "4", "Rehearsal", null)).map(ParentLink::parentId)).contains("4");
  }

  @Test
  void topLevelCustomerWithoutEmail_isSkipped_notLinked() {
    Customer orphan = Customer.builder().id("9").displayName("No Mail Ltd").build();

    assertThat(mapper.customer(orphan).skipReason()).isPresent();
    assertThat(mapper.parentLink(orphan)).isEmpty();
  }

  @Test
  void ranks_orderTopLevelBeforeJobs_activeBeforeInactive_thenLowestNumericId() {
    CustomerRank top10 = new CustomerRank("10", false, true);
    CustomerRank top9Inactive = new CustomerRank("9", false, false);
    CustomerRank job2 = new CustomerRank("2", true, true);
    CustomerRank top100 = new CustomerRank("100", false, true);

    List<CustomerRank> ranks = new ArrayList<>(List.of(job2, top100, top9Inactive, top10));
    ranks.sort(null);

    assertThat(ranks).containsExactly(top10, top100, top9Inactive, job2);
    assertThat(top10.isBetterThan(top100)).isTrue();
  }

  @Test
  void ranks_roundTripThroughTheirStateForm_andRejectGarbage() {
    for (CustomerRank r : List.of(new CustomerRank("1", false, true), new CustomerRank("42", true, false))) {
      assertThat(CustomerRank.decode(r.encode())).contains(r);
    }
    assertThat(CustomerRank.decode("x")).isEmpty();
    assertThat(CustomerRank.decode("qa1")).isEmpty();
    assertThat(CustomerRank.decode(null)).isEqualTo(Optional.empty());
  }

  @Test
  void inactiveCustomer_isRankedInactive_andWithoutBalanceHasNone() {
    Customer gone = Customer.builder().from(maya()).active(false).balanceWithJobs(BigDecimal.ZERO).build();

    MappedCustomer m = mapper.customer(gone).record().orElseThrow();

    assertThat(m.rank().active()).isFalse();
    assertThat(m.openBalance()).isFalse();
  }
}
