package dev.qbmc.core.internal.service;

import dev.qbmc.core.ConnectRequest;
import dev.qbmc.core.CredentialsRejectedException;
import dev.qbmc.core.RealmAlreadyConnectedException;
import dev.qbmc.core.model.ConnectionStatus;
import dev.qbmc.core.model.Provider;
import dev.qbmc.core.spi.Connection;
import dev.qbmc.mailchimp.MailchimpClient;
import dev.qbmc.mailchimp.MailchimpException;
import dev.qbmc.mailchimp.MailchimpNotFoundException;
import dev.qbmc.mailchimp.model.Audience;
import dev.qbmc.mailchimp.model.AudienceContact;
import dev.qbmc.mailchimp.model.AudienceCreate;
import dev.qbmc.mailchimp.model.CampaignDefaults;
import dev.qbmc.mailchimp.model.Store;
import dev.qbmc.mailchimp.model.StoreCreate;
import dev.qbmc.quickbooks.QuickBooksClient;
import dev.qbmc.quickbooks.QuickBooksException;
import dev.qbmc.quickbooks.model.CompanyInfo;
import dev.qbmc.quickbooks.model.PhysicalAddress;
import dev.qbmc.quickbooks.model.Preferences;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Connects a realm to an audience: validates both credentials before storing anything, refuses a
 * realm already connected elsewhere unless asked to replace that connection, chooses or creates the
 * audience, creates the e-commerce store and stores the connection.
 */
public final class ConnectService {
  /** The platform name the e-commerce store declares. */
  static final String PLATFORM = "QuickBooks Online";

  private final ServiceContext ctx;
  private final DisconnectService disconnects;

  /**
   * Creates the service.
   *
   * @param ctx the shared context
   * @param disconnects used to replace an existing connection of the realm
   */
  public ConnectService(ServiceContext ctx, DisconnectService disconnects) {
    this.ctx = ctx;
    this.disconnects = disconnects;
  }

  /**
   * The deterministic e-commerce store id of a realm.
   *
   * @param realmId the QBO realm
   * @return the store id
   */
  public static String storeId(String realmId) {
    return "qbo-" + realmId.toLowerCase(Locale.ROOT);
  }

  /**
   * The account's audiences.
   *
   * @param connectionId the connection whose Mailchimp credentials to use
   * @return the audiences
   */
  public List<Audience> availableAudiences(String connectionId) {
    return ctx.mailchimpClient(connectionId, new ApiCallCounter()).audiences().list().toList();
  }

  /**
   * Connects.
   *
   * @param request what to connect
   * @return the stored connection
   */
  public Connection connect(ConnectRequest request) {
    ApiCallCounter calls = new ApiCallCounter();
    QuickBooksClient qbo = ctx.quickBooksClient(request.connectionId(), request.realmId(), calls);
    CompanyInfo company;
    Preferences preferences;
    try {
      company = qbo.companyInfo();
      preferences = qbo.preferences();
    } catch (QuickBooksException e) {
      throw new CredentialsRejectedException(Provider.QUICKBOOKS, e);
    }
    MailchimpClient mailchimp = ctx.mailchimpClient(request.connectionId(), calls);
    try {
      mailchimp.account();
    } catch (MailchimpException e) {
      throw new CredentialsRejectedException(Provider.MAILCHIMP, e);
    }
    replaceOrRefuse(request);

    String audienceId =
        request.audience().audienceId().map(id -> existingAudience(mailchimp, id)).orElseGet(
            () -> createAudience(mailchimp, company, request.audience().permissionReminder().orElseThrow()));
    String currency = preferences.homeCurrencyCode().orElse("USD");
    String storeId = storeId(request.realmId());
    ensureStore(mailchimp, storeId, audienceId, company, currency);

    Instant now = ctx.clock.instant();
    Optional<Connection> previous = ctx.state.connection(request.connectionId());
    boolean sameTarget =
        previous
            .filter(p -> p.status() == ConnectionStatus.CONNECTED)
            .filter(p -> p.realmId().equals(request.realmId()) && p.audienceId().equals(audienceId))
            .isPresent();
    if (previous.isPresent() && !sameTarget) {
      disconnects.forgetRecords(request.connectionId());
    }
    Connection connection =
        Connection.builder()
            .connectionId(request.connectionId())
            .realmId(request.realmId())
            .audienceId(audienceId)
            .storeId(storeId)
            .marketingStatus(request.marketingStatus())
            .tag(request.tag())
            .factTags(request.factTags())
            .homeCurrency(currency)
            .contactLimit(request.contactLimit())
            .contactLimitPolicy(request.contactLimitPolicy())
            .status(ConnectionStatus.CONNECTED)
            .createdAt(previous.filter(p -> sameTarget).map(Connection::createdAt).orElse(now))
            .updatedAt(now)
            .fullSyncDone(sameTarget && previous.get().fullSyncDone())
            .build();
    ctx.state.saveConnection(connection);
    return connection;
  }

  private void replaceOrRefuse(ConnectRequest request) {
    for (Connection other : ctx.state.connectionsByRealm(request.realmId())) {
      if (other.connectionId().equals(request.connectionId()) || other.status() == ConnectionStatus.DISCONNECTED) {
        continue;
      }
      if (!request.replaceExisting()) {
        throw new RealmAlreadyConnectedException(request.realmId(), other.connectionId(), other.audienceId());
      }
      disconnects.disconnect(other.connectionId(), false);
    }
    ctx.state
        .connection(request.connectionId())
        .filter(c -> c.status() != ConnectionStatus.DISCONNECTED)
        .filter(c -> !c.realmId().equals(request.realmId())
            || request.audience().audienceId().map(id -> !id.equals(c.audienceId())).orElse(true))
        .ifPresent(
            c -> {
              if (!request.replaceExisting()) {
                throw new RealmAlreadyConnectedException(c.realmId(), c.connectionId(), c.audienceId());
              }
            });
  }

  private static String existingAudience(MailchimpClient mailchimp, String audienceId) {
    try {
      return mailchimp.audiences().get(audienceId).id();
    } catch (MailchimpNotFoundException e) {
      throw new IllegalArgumentException("Mailchimp audience " + audienceId + " does not exist in this account", e);
    }
  }

  /** A new audience from the company profile; Mailchimp requires a postal address for it. */
  private static String createAudience(MailchimpClient mailchimp, CompanyInfo company, String reminder) {
    String name = company.companyName().orElse("QuickBooks customers");
    PhysicalAddress address =
        company.companyAddr().or(company::customerCommunicationAddr).or(company::legalAddr)
            .orElseThrow(() -> new IllegalArgumentException(
                "the QuickBooks company has no address, which Mailchimp requires for a new audience; "
                    + "choose an existing audience instead"));
    String email =
        company.email().or(company::customerCommunicationEmailAddr).flatMap(e -> e.address())
            .orElseThrow(() -> new IllegalArgumentException(
                "the QuickBooks company has no email address, which a new audience needs as its sender; "
                    + "choose an existing audience instead"));
    AudienceContact contact =
        AudienceContact.builder()
            .company(name)
            .address1(address.line1().orElse(""))
            .city(address.city().orElse(""))
            .state(address.countrySubDivisionCode().orElse(""))
            .zip(address.postalCode().orElse(""))
            .country(address.country().orElse(company.country().orElse("US")))
            .phone(company.primaryPhone().flatMap(p -> p.freeFormNumber()))
            .build();
    AudienceCreate create =
        AudienceCreate.builder()
            .name(name)
            .contact(contact)
            .permissionReminder(reminder)
            .campaignDefaults(
                CampaignDefaults.builder().fromName(name).fromEmail(email).subject("").language("en").build())
            .build();
    return mailchimp.audiences().create(create).id();
  }

  /**
   * Creates the realm's store for the audience; a store left over from an earlier connection of
   * the same audience is reused, one tied to another audience is replaced (a store's list can never
   * change).
   */
  private static void ensureStore(
      MailchimpClient mailchimp, String storeId, String audienceId, CompanyInfo company, String currency) {
    Optional<Store> existing = mailchimp.ecommerce().findStore(storeId);
    if (existing.isPresent() && existing.get().listId().equals(audienceId)) {
      return;
    }
    if (existing.isPresent()) {
      mailchimp.ecommerce().deleteStore(storeId);
    }
    mailchimp.ecommerce().createStore(
        StoreCreate.builder()
            .id(storeId)
            .listId(audienceId)
            .name(company.companyName().orElse("QuickBooks Online"))
            .currencyCode(currency)
            .platform(PLATFORM)
            .build());
  }
}
