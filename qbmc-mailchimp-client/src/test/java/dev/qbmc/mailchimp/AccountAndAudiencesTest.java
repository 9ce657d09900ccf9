package dev.qbmc.mailchimp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qbmc.mailchimp.model.Audience;
import dev.qbmc.mailchimp.model.AudienceContact;
import dev.qbmc.mailchimp.model.AudienceCreate;
import dev.qbmc.mailchimp.model.CampaignDefaults;
import dev.qbmc.mailchimp.model.MergeField;
import dev.qbmc.mailchimp.testing.WireMockMailchimpTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccountAndAudiencesTest extends WireMockMailchimpTest {
  @Test
  void account_sendsApiKeyAsBasicAuthAndReadsRoot() {
    WM.stubFor(get("/3.0/").willReturn(okJson("{\"account_id\":\"8d3a3db4d97663a9074efcc16\",\"login_id\":\"42\","
        + "\"account_name\":\"Freddie's Jokes\",\"email\":\"freddie@example.com\",\"pricing_plan_type\":\"forever_free\","
        + "\"total_subscribers\":321,\"_links\":[]}")));

    var root = client().account();

    assertThat(root.accountName()).isEqualTo("Freddie's Jokes");
    assertThat(root.totalSubscribers()).isEqualTo(321);
    String auth = apiRequests().get(0).getHeader("Authorization");
    assertThat(auth).startsWith("Basic ");
    assertThat(new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8)).endsWith(":" + API_KEY);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.pathTemplate()).isEqualTo("/");
      assertThat(e.statusCode()).hasValue(200);
      assertThat(e.attempt()).isEqualTo(1);
    });
  }

  @Test
  void oauthCredentials_sendBearerAndDefaultToTheirDataCentre() {
    MailchimpCredentials oauth = MailchimpCredentials.oauthToken("tok-123", "us19");
    WM.stubFor(get("/3.0/").willReturn(okJson("{\"account_id\":\"a\",\"account_name\":\"n\",\"email\":\"e@x.co\"}")));

    clientBuilder().credentials(oauth).build().account();

    assertThat(apiRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer tok-123");
    assertThat(oauth.defaultBaseUri()).isEqualTo(URI.create("https://us19.api.mailchimp.com/3.0"));
    assertThat(MailchimpClient.builder().credentials(MailchimpCredentials.apiKey(API_KEY)).build().baseUri())
        .isEqualTo(URI.create("https://us6.api.mailchimp.com/3.0"));
  }

  @Test
  void requestListener_whenItThrows_doesNotBreakTheCall() {
    WM.stubFor(get("/3.0/lists/abc").willReturn(okJson("{\"id\":\"abc\",\"name\":\"L\"}")));
    MailchimpClient client = clientBuilder().requestListener(e -> {
      throw new IllegalStateException("listener bug");
    }).build();

    assertThat(client.audiences().get("abc").id()).isEqualTo("abc");
  }

  @Test
  void connectionLimiter_ofOneClient_canBeHandedToAnother() {
    MailchimpClient first = client();
    MailchimpClient second = clientBuilder().connectionLimiter(first.connectionLimiter()).build();

    assertThat(second.connectionLimiter()).isSameAs(first.connectionLimiter());
    assertThat(first.connectionLimiter().maxConnections()).isEqualTo(10);
    assertThatThrownBy(() -> ConnectionLimiter.of(11)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oauthMetadata_withPlainHttpEndpoint_isRefused() {
    var metadata = dev.qbmc.mailchimp.model.OAuthMetadata.builder().dataCenter("us6")
        .apiEndpoint("http://us6.api.mailchimp.com").build();
    assertThatThrownBy(() -> MailchimpCredentials.oauthToken("t", metadata)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void baseUri_whenPlainHttpOffLoopback_isRefused() {
    assertThatThrownBy(() -> MailchimpClient.builder().baseUri(URI.create("http://api.example.com/3.0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS");
    MailchimpClient.builder().baseUri(URI.create("http://127.0.0.1:8080/3.0"));
    MailchimpClient.builder().baseUri(URI.create("http://[::1]:8080/3.0"));
  }

  @Test
  void list_pagesUntilTotalItems() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists")).withQueryParam("offset", equalTo("0"))
        .willReturn(okJson(listsPage(0, 100, 150))));
    WM.stubFor(get(urlPathEqualTo("/3.0/lists")).withQueryParam("offset", equalTo("100"))
        .willReturn(okJson(listsPage(100, 50, 150))));

    List<Audience> all = client().audiences().list().collect(Collectors.toList());

    assertThat(all).hasSize(150);
    assertThat(all.get(149).id()).isEqualTo("list149");
    assertThat(all.get(0).memberCount()).isEqualTo(7);
    WM.verify(2, getRequestedFor(urlPathEqualTo("/3.0/lists")).withQueryParam("count", equalTo("100")));
  }

  @Test
  void get_readsStatsMemberCount() {
    WM.stubFor(get("/3.0/lists/abc123").willReturn(okJson("{\"id\":\"abc123\",\"web_id\":11,\"name\":\"Customers\","
        + "\"double_optin\":true,\"stats\":{\"member_count\":1200,\"unsubscribe_count\":3,\"cleaned_count\":1}}")));

    Audience a = client().audiences().get("abc123");

    assertThat(a.memberCount()).isEqualTo(1200);
    assertThat(a.doubleOptin()).contains(true);
  }

  @Test
  void create_sendsSpecValidBodyWithContactAndDefaults() {
    WM.stubFor(post("/3.0/lists").willReturn(okJson("{\"id\":\"new1\",\"name\":\"QBO Customers\"}")));
    AudienceCreate create = AudienceCreate.builder()
        .name("QBO Customers")
        .contact(AudienceContact.builder().company("Craig's Design").address1("123 Sierra Way").city("San Pablo")
            .state("CA").zip("87999").country("US").build())
        .permissionReminder("You are a customer of Craig's Design.")
        .campaignDefaults(CampaignDefaults.builder().fromName("Craig's Design").fromEmail("craig@example.com")
            .subject("").language("en").build())
        .build();

    Audience created = client().audiences().create(create);

    assertThat(created.id()).isEqualTo("new1");
    String body = apiRequests().get(0).getBodyAsString();
    assertThat(body).contains("\"permission_reminder\"").contains("\"email_type_option\":false")
        .doesNotContain("address2").doesNotContain("null");
  }

  @Test
  void mergeFields_readsDefaultsIncludingAddress() {
    WM.stubFor(get(urlPathEqualTo("/3.0/lists/abc/merge-fields")).willReturn(okJson("{\"merge_fields\":["
        + "{\"merge_id\":1,\"tag\":\"FNAME\",\"name\":\"First Name\",\"type\":\"text\",\"required\":false,\"public\":true},"
        + "{\"merge_id\":3,\"tag\":\"ADDRESS\",\"name\":\"Address\",\"type\":\"address\",\"required\":false,"
        + "\"default_value\":\"\",\"options\":{\"default_country\":164}}],\"total_items\":2}")));

    List<MergeField> fields = client().audiences().mergeFields("abc");

    assertThat(fields).extracting(MergeField::tag).containsExactly("FNAME", "ADDRESS");
    assertThat(fields.get(0).visible()).contains(true);
  }

  private static String listsPage(int from, int n, int total) {
    StringBuilder sb = new StringBuilder("{\"lists\":[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"list").append(from + i).append("\",\"name\":\"L\",")
          .append("\"stats\":{\"member_count\":7}}");
    }
    return sb.append("],\"total_items\":").append(total).append('}').toString();
  }
}
