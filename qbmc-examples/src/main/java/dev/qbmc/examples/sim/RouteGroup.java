package dev.qbmc.examples.sim;

/**
 * The routes of one resource of a simulated API (members, tags, query, CDC, ...). A simulator adds
 * each group to its {@link Router} when it is built; a new endpoint of a resource is a new line in
 * that resource's group, nothing else changes.
 */
@FunctionalInterface
public interface RouteGroup {

  /**
   * Adds this group's routes.
   *
   * @param router the router to add to
   */
  void addTo(Router router);
}
