package dev.qbmc.examples.sim.quickbooks;

import java.util.Objects;

/**
 * An access token and refresh token minted by the simulator. {@link #toString()} never shows them.
 *
 * @param accessToken the bearer access token
 * @param refreshToken the refresh token
 */
public record TokenPair(String accessToken, String refreshToken) {

  /**
   * Creates a pair.
   *
   * @param accessToken the bearer access token
   * @param refreshToken the refresh token
   */
  public TokenPair {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
  }

  @Override
  public String toString() {
    return "TokenPair[accessToken=***, refreshToken=***]";
  }
}
