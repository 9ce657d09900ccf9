/**
 * The operator CLI ({@code qbmc.jar}): commands, configuration from {@code QBMC_*} environment
 * variables, and the report tables and progress display it prints; the one-command {@link
 * dev.qbmc.examples.cli.Demo} and the {@link dev.qbmc.examples.cli.Sandbox} that runs both
 * simulators with the sample company. Non-null unless documented.
 */
package dev.qbmc.examples.cli;
