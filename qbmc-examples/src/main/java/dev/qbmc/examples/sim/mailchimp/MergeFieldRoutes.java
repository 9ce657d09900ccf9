package dev.qbmc.examples.sim.mailchimp;

import static dev.qbmc.examples.sim.mailchimp.Http.ok;
import static dev.qbmc.examples.sim.mailchimp.MailchimpSimulator.ROOT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qbmc.examples.sim.RouteGroup;
import dev.qbmc.examples.sim.Router;
import dev.qbmc.examples.sim.SimRequest;
import dev.qbmc.examples.sim.SimResponse;

/** {@code GET /3.0/lists/{list_id}/merge-fields}: the fixed FNAME, LNAME, ADDRESS and PHONE fields. */
final class MergeFieldRoutes implements RouteGroup {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[][] DEFINITIONS = {{"FNAME", "First Name", "text"}, {"LNAME", "Last Name", "text"},
      {"ADDRESS", "Address", "address"}, {"PHONE", "Phone Number", "phone"}};

  private final Account account;

  MergeFieldRoutes(Account account) {
    this.account = account;
  }

  @Override
  public void addTo(Router router) {
    router.add("GET", ROOT + "/lists/{list_id}/merge-fields", this::mergeFields);
  }

  private SimResponse mergeFields(SimRequest r) {
    AudienceList list = account.list(r);
    ObjectNode out = F.objectNode();
    ArrayNode array = out.putArray("merge_fields");
    for (int i = 0; i < DEFINITIONS.length; i++) {
      String[] def = DEFINITIONS[i];
      ObjectNode f = array.addObject();
      f.put("merge_id", i + 1);
      f.put("tag", def[0]);
      f.put("name", def[1]);
      f.put("type", def[2]);
      f.put("required", false);
      f.put("default_value", "");
      f.put("public", true);
      f.put("display_order", i + 2);
      ObjectNode options = f.putObject("options");
      if (def[2].equals("address")) {
        options.put("default_country", 164);
      } else if (def[2].equals("phone")) {
        options.put("phone_format", "none");
      } else {
        options.put("size", 25);
      }
      f.put("help_text", "");
      f.put("list_id", list.id);
    }
    out.put("list_id", list.id);
    out.put("total_items", DEFINITIONS.length);
    return ok(out);
  }
}
