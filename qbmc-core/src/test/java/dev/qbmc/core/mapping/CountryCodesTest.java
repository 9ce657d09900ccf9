package dev.qbmc.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryCodesTest {

  @ParameterizedTest
  @CsvSource({
    "USA,US", "usa,US", "U.S.A.,US", "United States,US", "United States of America,US", "US,US",
    "Canada,CA", "CAN,CA", "ca,CA", "United Kingdom,GB", "UK,GB", "Great Britain,GB", "GBR,GB",
    "Germany,DE", "DEU,DE", "France,FR", "The Netherlands,NL", "Australia,AU", "Mexico,MX",
    "' New Zealand ',NZ", "India,IN", "Japan,JP"
  })
  void toAlpha2_mapsNamesAndCodes(String text, String alpha2) {
    assertThat(CountryCodes.toAlpha2(text)).contains(alpha2);
  }

  @Test
  void toAlpha2_whenUnknownOrBlank_isEmpty() {
    assertThat(CountryCodes.toAlpha2("Atlantis")).isEmpty();
    assertThat(CountryCodes.toAlpha2("")).isEmpty();
    assertThat(CountryCodes.toAlpha2(null)).isEmpty();
    assertThat(CountryCodes.toAlpha2("x".repeat(10_000))).isEmpty();
  }
}
