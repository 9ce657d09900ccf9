package dev.qbmc.core.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Turns the free-text {@code Country} of a QBO address ("USA", "United States", "US", "Canada",
 * "CAN", "U.K.", ...) into an ISO 3166-1 alpha-2 code. Accepted: every alpha-2 and alpha-3 code the
 * JDK knows, every country's English name as the JDK spells it, and a documented list of common
 * aliases; case, dots, surrounding spaces and a leading "the" are ignored.
 */
public final class CountryCodes {

  private static final Map<String, String> BY_KEY = buildIndex();

  private CountryCodes() {}

  /**
   * Maps a country name or code to ISO 3166-1 alpha-2.
   *
   * @param country the QBO country text, possibly null or blank
   * @return the upper-case alpha-2 code, or empty when the text names no known country
   */
  public static Optional<String> toAlpha2(String country) {
    if (country == null || country.isBlank() || country.length() > 100) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_KEY.get(key(country)));
  }

  private static String key(String text) {
    String k =
        text.trim().toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[\\s_]+", " ").trim();
    if (k.startsWith("the ")) {
      k = k.substring(4);
    }
    return k;
  }

  private static Map<String, String> buildIndex() {
    Map<String, String> index = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale locale = new Locale("", alpha2);
      index.put(key(alpha2), alpha2);
      try {
        index.put(key(locale.getISO3Country()), alpha2);
      } catch (MissingResourceException e) {
        // no alpha-3 code for this country: the alpha-2 code and the name still work
      }
      index.put(key(locale.getDisplayCountry(Locale.ENGLISH)), alpha2);
    }
    String[][] aliases = {
      {"United States of America", "US"}, {"USA", "US"}, {"America", "US"}, {"U S A", "US"},
      {"United States", "US"}, {"Etats-Unis", "US"}, {"UK", "GB"}, {"United Kingdom", "GB"},
      {"Great Britain", "GB"}, {"Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"},
      {"Wales", "GB"}, {"Northern Ireland", "GB"}, {"Kanada", "CA"}, {"Holland", "NL"},
      {"Netherlands", "NL"}, {"Deutschland", "DE"}, {"Republic of Ireland", "IE"},
      {"Eire", "IE"}, {"Australia", "AU"}, {"New Zealand", "NZ"}, {"Mexico", "MX"},
      {"México", "MX"}, {"Espana", "ES"}, {"España", "ES"}, {"South Korea", "KR"},
      {"Korea", "KR"}, {"Russia", "RU"}, {"Viet Nam", "VN"}, {"Vietnam", "VN"},
      {"Czech Republic", "CZ"}, {"Czechia", "CZ"}, {"Ivory Coast", "CI"}, {"UAE", "AE"},
      {"Hong Kong", "HK"}, {"Taiwan", "TW"}, {"Macau", "MO"}, {"Puerto Rico", "PR"}
    };
    for (String[] alias : aliases) {
      index.put(key(alias[0]), alias[1]);
    }
    return Map.copyOf(index);
  }
}
