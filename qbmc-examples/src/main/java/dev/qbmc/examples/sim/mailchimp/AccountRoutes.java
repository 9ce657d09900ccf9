package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;

/** The API root ({@code GET /3.0/}: account details) and {@code GET /3.0/ping}. */
final class AccountRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Account account;

  AccountRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", ROOT + "/", r -> ok(root()));
    router.add("GET", ROOT, r -> ok(root()));
    router.add("GET", ROOT + "/ping", r -> ok(F.objectNode().put("health_status", "Everything's Chimpy!")));
  }

  private ObjectNode root() {
    ObjectNode root = F.objectNode();
    root.put("account_id", "8d3a3db4d97663a9074efcc16");
    root.put("login_id", "148268149");
    root.put("account_name", "Simulated Co");
    root.put("email", "owner@example.org");
    root.put("first_name", "Sim");
    root.put("last_name", "Owner");
    root.put("username", "simowner");
    root.put("role", "owner");
    root.put("member_since", "2020-01-01T00:00:00+00:00");
    root.put("pricing_plan_type", "monthly");
    root.put("account_timezone", "America/New_York");
    root.put("account_industry", "Retail");
    root.putObject("contact").put("company", "Simulated Co").put("addr1", "675 Ponce de Leon Ave NE")
        .put("city", "Atlanta").put("state", "GA").put("zip", "30308").put("country", "US");
    root.put("pro_enabled", false);
    root.put("last_login", account.now().toString());
    int total = 0;
    for (AudienceList l : account.lists.values()) {
      synchronized (l) {
        total += l.count("subscribed");
      }
    }
    root.put("total_subscribers", total);
    root.putObject("industry_stats").put("open_rate", 0.25).put("bounce_rate", 0.01).put("click_rate", 0.03);
    return root;
  }
}
