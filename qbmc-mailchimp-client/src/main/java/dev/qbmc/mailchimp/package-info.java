/**
 * The Mailchimp Marketing API client. Every parameter and return value is non-null unless
 * documented otherwise; absent values are returned as {@link java.util.Optional}.
 */
package dev.qbmc.mailchimp;
