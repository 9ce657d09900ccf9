package dev.qbmc.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import dev.qbmc.mailchimp.internal.MailchimpJacksonVersion;
import dev.qbmc.mailchimp.internal.MailchimpJson;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import dev.qbmc.quickbooks.internal.QboJacksonVersion;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jackson minimum that both clients check before building a mapper (they share no code, so each
 * has its own check): the same minimum, the same verdicts, a message naming what was found and
 * what is needed. {@link ConsumerProjectTest} runs a consumer on a real Jackson 2.17.
 */
class JacksonMinimumTest {
  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of("QuickBooks", (BiFunction<Version, Version, Optional<String>>) QboJacksonVersion::problem),
        Arguments.of("Mailchimp", (BiFunction<Version, Version, Optional<String>>) MailchimpJacksonVersion::problem));
  }

  private static Version v(int major, int minor, int patch) {
    return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-databind");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void problem_whenJackson217_namesFoundAndRequiredVersions(String client,
      BiFunction<Version, Version, Optional<String>> check) {
    assertThat(check.apply(v(2, 17, 2), v(2, 17, 2))).hasValue("qbmc's " + client
        + " client needs Jackson 2.18 or newer, but found jackson-core 2.17.2 and jackson-databind 2.17.2;"
        + " upgrade Jackson (e.g. import com.fasterxml.jackson:jackson-bom 2.18 or newer;"
        + " Spring Boot 3.4 and newer manage a version that fits)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void problem_whenEitherJarIsOlderThan218_isPresent(String client,
      BiFunction<Version, Version, Optional<String>> check) {
    assertThat(check.apply(v(2, 17, 3), v(2, 18, 0))).isPresent();
    assertThat(check.apply(v(2, 18, 0), v(2, 17, 3))).isPresent();
    assertThat(check.apply(v(2, 9, 10), v(2, 9, 10))).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void problem_when218OrNewerOrUnknown_isEmpty(String client, BiFunction<Version, Version, Optional<String>> check) {
    assertThat(check.apply(v(2, 18, 0), v(2, 18, 0))).isEmpty();
    assertThat(check.apply(v(2, 21, 8), v(2, 22, 1))).isEmpty();
    assertThat(check.apply(v(3, 0, 0), v(3, 0, 0))).isEmpty();
    assertThat(check.apply(Version.unknownVersion(), Version.unknownVersion())).isEmpty();
  }

  @Test
  void problem_onTheBuildsJackson_isEmptyAndMappersAreBuilt() {
    assertThat(QboJacksonVersion.problem()).isEmpty();
    assertThat(MailchimpJacksonVersion.problem()).isEmpty();
    assertThat(QboJacksonModule.newMapper()).isNotNull();
    assertThat(MailchimpJson.mapper()).isNotNull();
  }

  @Test
  void minimum_isTheSameInBothClients() {
    assertThat(QboJacksonVersion.MAJOR).isEqualTo(MailchimpJacksonVersion.MAJOR).isEqualTo(2);
    assertThat(QboJacksonVersion.MINOR).isEqualTo(MailchimpJacksonVersion.MINOR).isEqualTo(18);
  }
}
