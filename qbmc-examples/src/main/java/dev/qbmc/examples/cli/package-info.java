/**
 * The operator CLI ({@code qbmc.jar}): commands, configuration from {@code QBMC_*} environment
 * variables, and the report tables and progress display it prints. Non-null unless documented.
 */
package dev.qbmc.examples.cli;
