/**
 * The one-command demo and the {@link dev.qbmc.examples.demo.Sandbox} that runs both simulators
 * with the sample company. Non-null unless documented.
 */
package dev.qbmc.examples.demo;
