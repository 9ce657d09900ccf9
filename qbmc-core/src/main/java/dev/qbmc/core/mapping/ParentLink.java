package dev.qbmc.core.mapping;

import java.util.Objects;

/**
 * A sub-customer (job) whose invoices and sales receipts belong to its parent's contact and
 * e-commerce customer: a job without a usable email address, or one billed with its parent
 * ({@code BillWithParent}). Jobs nested several levels deep reach the top through their parents'
 * links.
 *
 * @param qboId the job's QBO Id
 * @param parentId its {@code ParentRef}
 * @param billWithParent true when QBO bills it with its parent (it may still have a contact of its
 *     own); false when it has no usable email address
 * @param detail why it is linked, for the report; never a full email address
 */
public record ParentLink(String qboId, String parentId, boolean billWithParent, String detail) {

  /**
   * Validates the link.
   *
   * @param qboId the job's QBO Id
   * @param parentId its {@code ParentRef}
   * @param billWithParent true when QBO bills it with its parent
   * @param detail why it is linked, for the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an Id is blank or the job names itself as parent
   */
  public ParentLink {
    Objects.requireNonNull(qboId, "qboId");
    Objects.requireNonNull(parentId, "parentId");
    Objects.requireNonNull(detail, "detail");
    if (qboId.isBlank() || parentId.isBlank() || qboId.equals(parentId)) {
      throw new IllegalArgumentException("a link needs two different, non-blank Ids");
    }
  }
}
