package dev.qbmc.examples.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a request's method and path against route templates such as
 * {@code /3.0/lists/{list_id}/members/{subscriber_hash}}. Routes are added while the simulator is
 * built (each resource's {@link RouteGroup} adds its own) and only read afterwards.
 */
public final class Router {

  /**
   * A matched route.
   *
   * @param request the request with its route template and path parameters filled in
   * @param handler the handler to run
   */
  public record Match(SimRequest request, Function<SimRequest, SimResponse> handler) {
  }

  private record Route(String method, String template, Pattern pattern, List<String> names,
      Function<SimRequest, SimResponse> handler) {
  }

  private final List<Route> routes = new ArrayList<>();

  /** Creates a router without routes. */
  public Router() {
  }

  /**
   * Adds a route. Placeholders match one path segment.
   *
   * @param method HTTP method
   * @param template path template
   * @param handler the handler
   * @return this router
   */
  public Router add(String method, String template, Function<SimRequest, SimResponse> handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append("([^/]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    regex.append("/?");
    routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /**
   * Finds the route for a request.
   *
   * @param request the request
   * @return the match, empty when no route fits
   */
  public Optional<Match> match(SimRequest request) {
    for (Route route : routes) {
      if (!route.method().equals(request.method())) {
        continue;
      }
      Matcher m = route.pattern().matcher(request.path());
      if (m.matches()) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < route.names().size(); i++) {
          params.put(route.names().get(i), m.group(i + 1));
        }
        return Optional.of(new Match(request.routed(route.template(), params), route.handler()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether some route has this path with another method.
   *
   * @param path the request path
   * @return true when the path is known
   */
  public boolean knowsPath(String path) {
    return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
  }
}
