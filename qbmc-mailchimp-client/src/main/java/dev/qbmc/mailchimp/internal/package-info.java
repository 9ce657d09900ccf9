/** Implementation details of the Mailchimp client; not exported, not API. */
package dev.qbmc.mailchimp.internal;
