package dev.qbmc.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qbmc.quickbooks.internal.QboJacksonModule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultMapperTest {
  private final ObjectMapper mapper = QboJacksonModule.newMapper();
  private final FaultMapper faults =
      new FaultMapper(mapper, Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void batchItemFaults_parseFromA200Response() throws Exception {
    JsonNode batch = mapper.readTree(Fixtures.bytes("batch-response-with-item-faults_qbo-api.json"));
    List<String> codes = new ArrayList<>();
    for (JsonNode item : batch.get("BatchItemResponse")) {
      FaultMapper.Fault fault = faults.parse(mapper.writeValueAsBytes(item), null);
      fault.errors().forEach(e -> codes.add(item.get("bId").asText() + ":" + e.code()));
    }
    assertThat(codes).containsExactly("bid2:610", "bid3:5010");
    assertThat(faults.map(200, mapper.writeValueAsBytes(batch.get("BatchItemResponse").get(2)), null, null, null))
        .isInstanceOf(QuickBooksStaleObjectException.class);
  }

  @Test
  void xmlFaults_parseWithTypeAndEntries() {
    FaultMapper.Fault fault = faults.parse(Fixtures.bytes("fault-429-3001-throttle-exceeded_quickbooks-ruby.xml"), null);
    assertThat(fault.type()).isEqualTo("SERVICE");
    assertThat(fault.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("3001");
      assertThat(e.message()).contains("message=ThrottleExceeded; errorCode=003001; statusCode=429");
    });
  }

  @Test
  void retryAfter_acceptsSecondsAndHttpDates() {
    QuickBooksRateLimitException seconds =
        (QuickBooksRateLimitException) faults.map(429, new byte[0], null, "12", null);
    assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(12));
    QuickBooksRateLimitException date =
        (QuickBooksRateLimitException) faults.map(429, new byte[0], null, "Thu, 15 Jan 2026 12:00:30 GMT", null);
    assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
    QuickBooksRateLimitException junk =
        (QuickBooksRateLimitException) faults.map(429, new byte[0], null, "soon", null);
    assertThat(junk.retryAfter()).isEmpty();
  }

  @Test
  void hostileBodies_neverBreakMapping() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<IntuitResponse><Fault><Error code=\"1\"><Message>&x;</Message></Error></Fault></IntuitResponse>";
    assertThat(faults.map(400, xxe.getBytes(StandardCharsets.UTF_8), null, null, null).errors()).isEmpty();
    assertThat(faults.map(500, "{\"Fault\":\"oops\"}".getBytes(StandardCharsets.UTF_8), null, null, null))
        .isInstanceOf(QuickBooksServerException.class);
    assertThat(faults.map(400, "{\"Fault\":{\"Error\":{\"code\":\"6000\"}}}".getBytes(StandardCharsets.UTF_8), null, null, null)
        .errorCodes()).containsExactly("6000");
    assertThat(faults.map(400, new byte[] {(byte) 0xff, (byte) 0xfe}, null, null, null))
        .isInstanceOf(QuickBooksValidationException.class);
  }

  @Test
  void sanitize_removesTokensButKeepsPlainMessages() {
    assertThat(FaultMapper.sanitize("Token expired: AB01601390262kxzxOlnHYdhtEVRXISU7piPqQrCmmbDN35Yjd", null))
        .isEqualTo("Token expired: [redacted]");
    assertThat(FaultMapper.sanitize("message=AuthenticationFailed; errorCode=003200; statusCode=401", null))
        .isEqualTo("message=AuthenticationFailed; errorCode=003200; statusCode=401");
    assertThat(FaultMapper.sanitize("bad eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0 here", null))
        .isEqualTo("bad [redacted] here");
    assertThat(FaultMapper.sanitize("contains secret-value", "secret-value")).isEqualTo("contains [redacted]");
  }
}
