package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.quickbooks.model.Customer;
import dev.qbmc.quickbooks.model.EmailAddress;
import dev.qbmc.quickbooks.model.Item;
import dev.qbmc.quickbooks.model.ItemType;
import dev.qbmc.quickbooks.model.TelephoneNumber;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  private final QboMapper mapper = QboMapper.of(QboMapperFixturesTest.SETTINGS);

  @Test
  void clean_removesBidiOverridesIsolatesAndMarks() {
    // "evil" spoofing: RLO makes "txt.exe" read backwards; isolates and LRM/RLM/ALM
    assertThat(SafeText.clean("Maya\u202E exe.txt\u202C")).isEqualTo("Maya exe.txt");
    assertThat(SafeText.clean("\u2066Maya\u2069 \u2067Chen\u2069")).isEqualTo("Maya Chen");
    assertThat(SafeText.clean("a\u200Eb\u200Fc\u061Cd\u202Ae\u202Bf\u202Dg")).isEqualTo("abcdefg");
  }

  @Test
  void clean_removesZeroWidthCharactersAndByteOrderMarks() {
    assertThat(SafeText.clean("\uFEFFMa\u200Bya\u200C Ch\u200Den\u2060\u00AD")).isEqualTo("Maya Chen");
  }

  @Test
  void clean_removesControlCharacters_andTurnsLineBreaksAndTabsIntoOneSpace() {
    assertThat(SafeText.clean("Maya\u0000\u0007\u001B[31m")).isEqualTo("Maya[31m");
    assertThat(SafeText.clean("12 Main St\r\n\tSuite 4\u2028Floor\u0085 2")).isEqualTo("12 Main St Suite 4 Floor 2");
    assertThat(SafeText.clean("a\u0080\u009Fb")).isEqualTo("ab");
    assertThat(SafeText.clean("  \u00A0 padded\u3000 ")).isEqualTo("padded");
  }

  @Test
  void clean_removesUnpairedSurrogates_andKeepsPairsAndCombiningMarks() {
    assertThat(SafeText.clean("a\uD800b\uDC00c")).isEqualTo("abc");
    assertThat(SafeText.clean("Zoë 😀 e\u0301")).isEqualTo("Zoë 😀 e\u0301");
    assertThat(SafeText.clean("Søren Ærø, 北京, Ελένη")).isEqualTo("Søren Ærø, 北京, Ελένη");
  }

  @Test
  void clean_leavesPlainTextAsItIs() {
    String plain = "O'Brien & Sons, Inc. #4";
    assertThat(SafeText.clean(plain)).isSameAs(plain);
  }

  @Test
  void truncate_neverSplitsASurrogatePair() {
    String text = "a" + "😀".repeat(100); // 1 + 400 bytes
    String cut = SafeText.truncate(text, 255);

    assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(255);
    assertThat(cut).isEqualTo("a" + "😀".repeat(63));
    assertThat(cut.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE)).isTrue();
  }

  @Test
  void truncate_neverSeparatesALetterFromItsCombiningMarks() {
    String decomposed = Normalizer.normalize("é", Normalizer.Form.NFD); // e + U+0301, 3 bytes
    String text = "x".repeat(253) + decomposed + "z";

    String cut = SafeText.truncate(text, 255);

    assertThat(cut).isEqualTo("x".repeat(253)); // not "xxx...e" without its accent
    assertThat(SafeText.truncate("x".repeat(252) + decomposed, 255)).endsWith(decomposed);
  }

  @Test
  void truncateChars_cutsOnGraphemeBoundaries() {
    assertThat(SafeText.truncateChars("ab😀", 3)).isEqualTo("ab");
    assertThat(SafeText.truncateChars("abc", 3)).isEqualTo("abc");
    assertThat(SafeText.truncateChars("ab cd", 3)).isEqualTo("ab");
    assertThatThrownBy(() -> SafeText.truncateChars("a", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isSafe_isTrueOnlyForCleanTextWithinTheLimit() {
    assertThat(SafeText.isSafe("Maya Chen", 255)).isTrue();
    assertThat(SafeText.isSafe("Maya\u202EChen", 255)).isFalse();
    assertThat(SafeText.isSafe("x".repeat(256), 255)).isFalse();
  }

  @Test
  void mapping_cleansEveryTextThatReachesMailchimp() {
    Customer c = Customer.builder()
        .id("7")
        .primaryEmailAddr(EmailAddress.of("maya@example.com"))
        .givenName("\u202EMaya\u200B")
        .familyName("Ch\u0000en\n")
        .companyName("\uFEFFChen\u2067 Catering")
        .primaryPhone(TelephoneNumber.builder().freeFormNumber("+1\u200E 555\t0100").build())
        .billAddr(QboMapperFixturesTest.address("1 Main\u202E St", "Spring\u0007field", "USA", "IL", "62701"))
        .build();

    MappedCustomer m = mapper.customer(c).record().orElseThrow();

    assertThat(m.contact().firstName()).contains("Maya");
    assertThat(m.contact().lastName()).contains("Chen");
    assertThat(m.contact().phone()).contains("+1 555 0100");
    assertThat(m.contact().address().orElseThrow().addr1()).isEqualTo("1 Main St");
    assertThat(m.contact().address().orElseThrow().city()).isEqualTo("Springfield");
    assertThat(m.commerceCustomer().company()).contains("Chen Catering");

    Item item = Item.builder().id("3").name("Cake\u202E").type(ItemType.SERVICE).sku("SK\u200BU").description("Big\u0000 cake")
        .build();
    ProductRecord p = mapper.item(item).record().orElseThrow();
    assertThat(p.title()).isEqualTo("Cake");
    assertThat(p.sku()).contains("SKU");
    assertThat(p.description()).contains("Big cake");
  }

  @Test
  void mapping_cutsLongNamesOnACharacterBoundary_withANote() {
    String name = "é".repeat(200); // 400 bytes, 2 bytes each
    Customer c = Customer.builder().id("7").primaryEmailAddr(EmailAddress.of("m@example.com")).givenName(name).build();

    ContactRecord contact = mapper.customer(c).record().orElseThrow().contact();

    assertThat(contact.firstName().orElseThrow()).isEqualTo("é".repeat(127));
    assertThat(contact.notes()).contains(MappingNote.TRUNCATED_VALUE);
  }
}
