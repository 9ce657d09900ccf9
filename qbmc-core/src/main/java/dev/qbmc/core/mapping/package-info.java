/**
 * PURE: maps QuickBooks Online records to what qbmc writes to Mailchimp. No I/O, no clock, no
 * threads, no randomness, no JSON library; {@code ArchitectureTest} enforces it.
 *
 * <p>Entry point: {@link dev.qbmc.core.mapping.QboMapper#of(SyncSettings)}, then
 * {@code customer(Customer)}, {@code item(Item)}, {@code invoice(Invoice, CustomerDirectory)} and
 * {@code salesReceipt(SalesReceipt, CustomerDirectory)}. Each returns a {@link
 * dev.qbmc.core.mapping.MappingOutcome}: the mapped record ({@link
 * dev.qbmc.core.mapping.MappedCustomer} = {@link dev.qbmc.core.mapping.ContactRecord} + {@link
 * dev.qbmc.core.mapping.CommerceCustomerRecord}, {@link dev.qbmc.core.mapping.ProductRecord},
 * {@link dev.qbmc.core.mapping.OrderRecord}) or a skip reason. These records are qbmc's own values,
 * not Mailchimp client models: the sync services translate them into Mailchimp requests. An absent
 * value means "leave Mailchimp's value alone", never "clear it".
 *
 * <p>Every parameter and return value is non-null; absent values are returned as {@link
 * java.util.Optional}.
 */
package dev.qbmc.core.mapping;
