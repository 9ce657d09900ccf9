package dev.qbmc.examples.cli;

import java.util.Objects;

/**
 * A setting of the operator CLI is missing or invalid. Its message is one line that names the
 * environment variable and never contains the value of a secret.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Setting setting;

  /**
   * Creates the exception.
   *
   * @param setting the setting at fault
   * @param problem what is wrong, for example {@code "is not set"}
   */
  public ConfigException(Setting setting, String problem) {
    super(Objects.requireNonNull(setting, "setting").name() + " " + Objects.requireNonNull(problem, "problem"));
    this.setting = setting;
  }

  /**
   * The setting at fault.
   *
   * @return the setting
   */
  public Setting setting() {
    return setting;
  }
}
