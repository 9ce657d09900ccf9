/**
 * Immutable request and response values of the Mailchimp Marketing API, bound to its snake_case JSON.
 * Every accessor is non-null; absent optional values are {@link java.util.Optional#empty()} and are
 * omitted from request bodies (never sent as {@code null} or {@code ""}), so a write never erases data
 * that the caller did not mean to change. Build values with their {@code builder()}.
 */
@MailchimpStyle
package dev.qbmc.mailchimp.model;

import dev.qbmc.mailchimp.internal.MailchimpStyle;
