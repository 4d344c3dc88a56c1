package io.entityflow.demo;

import com.acme.common.v1.Money;
import com.acme.retail.customer.v1.Customer;
import com.acme.retail.customer.v1.Segment;
import com.acme.retail.loyalty.v1.AccrualReason;
import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.loyalty.v1.Tier;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.CashPayment;
import com.acme.retail.sale.v1.Channel;
import com.acme.retail.sale.v1.LineItem;
import com.acme.retail.sale.v1.Sale;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Random;

/**
 * Builds realistic retail loyalty entities: customers, memberships, sales with line items and
 * payments, and the points they earn. Deterministic for a given seed.
 *
 * <pre>{@code
 * RetailEvents events = new RetailEvents(new Random(42));
 * Customer customer = events.customer(7, Instant.now());
 * Sale sale = events.sale(1001, customer.getCustomerId(), Instant.now());
 * }</pre>
 */
public final class RetailEvents {
  private static final String[] SKUS = {
    "BREAD-01", "MILK-1L", "COFFEE-500", "APPLES-1KG", "SOAP-3", "WINE-RED"
  };
  private static final long[] PRICES_CENTS = {249, 119, 899, 329, 459, 1299};
  private static final String[] STORES = {
    "store-vienna-1", "store-vienna-2", "store-graz-1", "web"
  };
  private static final String[] COUNTRIES = {"AT", "DE", "CH"};

  private final Random random;

  /** Uses the given random source for every choice. */
  public RetailEvents(Random random) {
    this.random = random;
  }

  /** A new customer number {@code n}, signed up at {@code at}. */
  public Customer customer(long n, Instant at) {
    return Customer.newBuilder()
        .setCustomerId("c-" + n)
        .setEmail("customer" + n + "@example.com")
        .setFullName("Customer " + n)
        .setMarketingOptIn(random.nextBoolean())
        .setSignedUpAt(timestamp(at))
        .setSegment(Segment.OCCASIONAL)
        .setCountry(COUNTRIES[random.nextInt(COUNTRIES.length)])
        .build();
  }

  /** The customer moved up a segment. */
  public Customer promoted(Customer customer) {
    Segment next = customer.getSegment() == Segment.OCCASIONAL ? Segment.REGULAR : Segment.VIP;
    return customer.toBuilder().setSegment(next).build();
  }

  /** A new membership for a customer. */
  public LoyaltyMembership membership(Customer customer, Instant at) {
    return LoyaltyMembership.newBuilder()
        .setMembershipId("m-" + customer.getCustomerId().substring(2))
        .setCustomerId(customer.getCustomerId())
        .setTier(Tier.BRONZE)
        .setJoinedAt(timestamp(at))
        .setCardNumber(
            String.format("9900%012d", Long.parseLong(customer.getCustomerId().substring(2))))
        .setActive(com.google.protobuf.BoolValue.of(true))
        .build();
  }

  /** A sale number {@code n}; an empty customer id is an anonymous sale. */
  public Sale sale(long n, String customerId, Instant at) {
    Sale.Builder sale =
        Sale.newBuilder()
            .setSaleId("s-" + n)
            .setCustomerId(customerId)
            .setSoldAt(timestamp(at))
            .setReceiptNumber("R" + (100000 + n));
    String store = STORES[random.nextInt(STORES.length)];
    sale.setStoreId(store).setChannel(store.equals("web") ? Channel.WEB : Channel.STORE);
    long totalCents = 0;
    int lines = 1 + random.nextInt(4);
    for (int i = 0; i < lines; i++) {
      int product = random.nextInt(SKUS.length);
      int quantity = 1 + random.nextInt(3);
      sale.addLineItems(
          LineItem.newBuilder()
              .setSku(SKUS[product])
              .setQuantity(quantity)
              .setUnitPrice(euros(PRICES_CENTS[product])));
      totalCents += PRICES_CENTS[product] * quantity;
    }
    sale.setTotal(euros(totalCents));
    if (store.equals("web") || random.nextDouble() < 0.6) {
      CardPayment.Builder card =
          CardPayment.newBuilder()
              .setScheme(random.nextBoolean() ? "VISA" : "MASTERCARD")
              .setLast4(String.format("%04d", random.nextInt(10000)));
      if (!customerId.isEmpty()) {
        // PII needs its data subject: an anonymous sale keeps no cardholder name
        card.setCardholderName("Card Holder " + customerId);
      }
      sale.setCard(card);
    } else if (random.nextDouble() < 0.9) {
      long tendered = ((totalCents / 1000) + 1) * 1000;
      sale.setCash(
          CashPayment.newBuilder()
              .setTendered(euros(tendered))
              .setChange(euros(tendered - totalCents)));
    } else {
      sale.setVoucherCode("V-" + (1000 + random.nextInt(9000)));
    }
    if (!customerId.isEmpty()) {
      sale.setLoyaltyPoints(Int64Value.of(totalCents / 100));
    }
    sale.putLabels("pos", store.equals("web") ? "shop-2.4" : "till-7.1");
    return sale.build();
  }

  /** Points credited to a membership for a sale. */
  public LoyaltyAccrual accrual(long n, LoyaltyMembership membership, Sale sale, Instant at) {
    return LoyaltyAccrual.newBuilder()
        .setAccrualId("a-" + n)
        .setMembershipId(membership.getMembershipId())
        .setSaleId(sale.getSaleId())
        .setPoints(sale.getLoyaltyPoints().getValue())
        .setReason(AccrualReason.PURCHASE)
        .setExpiresAt(timestamp(at.plusSeconds(365L * 24 * 3600)))
        .build();
  }

  private static Money euros(long cents) {
    return Money.newBuilder()
        .setCurrencyCode("EUR")
        .setUnits(cents / 100)
        .setNanos((int) (cents % 100) * 10_000_000)
        .build();
  }

  private static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }
}
