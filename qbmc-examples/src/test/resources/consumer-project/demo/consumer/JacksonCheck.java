package demo.consumer;

import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpCredentials;
import dev.qbmc.quickbooks.oauth.IntuitOAuth;
import java.net.URI;

/**
 * Builds each client's JSON-using entry point and prints, one line each, what it threw; run on a
 * Jackson older than qbmc's minimum, each must refuse with its own message.
 */
public final class JacksonCheck {
  private JacksonCheck() {}

  public static void main(String[] args) {
    try {
      IntuitOAuth.builder()
          .clientId("id")
          .clientSecret("secret")
          .redirectUri(URI.create("https://app.example.com/callback"))
          .build();
      System.out.println("QuickBooks: built");
    } catch (RuntimeException e) {
      System.out.println("QuickBooks: " + e);
    }
    try {
      MailchimpClient.builder().credentials(MailchimpCredentials.apiKey("0123456789abcdef-us6")).build();
      System.out.println("Mailchimp: built");
    } catch (RuntimeException e) {
      System.out.println("Mailchimp: " + e);
    }
  }
}
