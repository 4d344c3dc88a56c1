package io.entityflow.pipelines.events;

import com.acme.common.v1.Money;
import com.acme.energy.installation.v1.GeoPoint;
import com.acme.energy.installation.v1.Installation;
import com.acme.energy.installation.v1.Kind;
import com.acme.energy.meter.v1.MeterReading;
import com.acme.energy.meter.v1.Quality;
import com.acme.energy.user.v1.User;
import com.acme.retail.customer.v1.Customer;
import com.acme.retail.customer.v1.Segment;
import com.acme.retail.loyalty.v1.AccrualReason;
import com.acme.retail.loyalty.v1.LoyaltyAccrual;
import com.acme.retail.loyalty.v1.LoyaltyMembership;
import com.acme.retail.loyalty.v1.Tier;
import com.acme.retail.sale.v1.CardPayment;
import com.acme.retail.sale.v1.Channel;
import com.acme.retail.sale.v1.LineItem;
import com.acme.retail.sale.v1.Sale;
import com.acme.telco.cdr.v1.CallRecord;
import com.acme.telco.cdr.v1.CallResult;
import com.google.api.services.bigquery.model.TableRow;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Duration;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int64Value;
import com.google.protobuf.Message;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt64Value;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;

/** One populated message of every sample entity, with the exact entity columns it must become. */
public final class SampleEvents {
  /** 2026-11-23T10:15:30.123456Z (nanos 789 are truncated). */
  public static final Timestamp TS =
      Timestamp.newBuilder().setSeconds(1795428930L).setNanos(123456789).build();

  public static final String TS_TEXT = "2026-11-23T10:15:30.123456Z";

  /**
   * A sample: the message as published (the encrypted form for an entity with PII: its PII fields
   * are bytes) and its expected entity columns.
   */
  public record Sample(Message message, TableRow columns) {
    public Sample {
      message = published(message);
    }
  }

  /** The message in the form producers publish it: PII fields as bytes, same wire bytes. */
  static Message published(Message message) {
    com.google.protobuf.Descriptors.Descriptor wire =
        io.entityflow.pipelines.convert.PayloadDescriptor.of(message.getDescriptorForType());
    if (wire == message.getDescriptorForType()) {
      return message;
    }
    try {
      return com.google.protobuf.DynamicMessage.parseFrom(wire, message.toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private SampleEvents() {}

  /**
   * The attributes every published event of an entity with PII carries besides the usual ones:
   * {@code pii_encryption = tink-aead-v1}.
   */
  public static final Map<String, String> PII_ATTRIBUTES = Map.of("pii_encryption", "tink-aead-v1");

  /**
   * The BYTES column value (base64) of a PII field: the payload carries its PII fields as bytes
   * (ciphertext in production; here the wire bytes of the sample's value stand in for it).
   */
  public static String ciphertext(String value) {
    return ciphertext(ByteString.copyFromUtf8(value));
  }

  /** The BYTES column value (base64) of PII bytes. */
  public static String ciphertext(ByteString value) {
    return java.util.Base64.getEncoder().encodeToString(value.toByteArray());
  }

  private static Money money(String currency, long units, int nanos) {
    return Money.newBuilder().setCurrencyCode(currency).setUnits(units).setNanos(nanos).build();
  }

  private static TableRow moneyRow(String currency, String units, String nanos) {
    return new TableRow().set("currency_code", currency).set("units", units).set("nanos", nanos);
  }

  /** Samples keyed by topic name. */
  public static Map<String, Sample> all() {
    return Map.of(
        "sale_v1", sale("s-1"),
        "customer_v1", customer(),
        "loyalty_membership_v1", membership(),
        "loyalty_accrual_v1", accrual(),
        "user_v1", user(),
        "installation_v1", installation(),
        "meter_reading_v1", meterReading(),
        "call_record_v1", callRecord());
  }

  public static Sample sale(String id) {
    Sale sale =
        Sale.newBuilder()
            .setSaleId(id)
            .setCustomerId("c-9")
            .setStoreId("st-1")
            .setSoldAt(TS)
            .addLineItems(
                LineItem.newBuilder()
                    .setSku("sku-1")
                    .setQuantity(2)
                    .setUnitPrice(money("EUR", 3, 500_000_000)))
            .setTotal(money("EUR", 7, 0))
            .setCard(
                CardPayment.newBuilder()
                    .setScheme("VISA")
                    .setLast4("4242")
                    .setCardholderName("Ann Lee"))
            .setChannel(Channel.STORE)
            .putLabels("campaign", "xmas")
            .setLoyaltyPoints(Int64Value.of(70))
            .build();
    TableRow columns =
        new TableRow()
            .set("sale_id", id)
            .set("customer_id", "c-9")
            .set("store_id", "st-1")
            .set("sold_at", TS_TEXT)
            .set(
                "line_items",
                List.of(
                    new TableRow()
                        .set("sku", "sku-1")
                        .set("quantity", "2")
                        .set("unit_price", moneyRow("EUR", "3", "500000000"))))
            .set("total", moneyRow("EUR", "7", "0"))
            .set(
                "card",
                new TableRow()
                    .set("scheme", "VISA")
                    .set("last4", "4242")
                    .set("cardholder_name", ciphertext("Ann Lee")))
            .set("channel", "STORE")
            .set("labels", List.of(new TableRow().set("key", "campaign").set("value", "xmas")))
            .set("loyalty_points", "70");
    return new Sample(sale, columns);
  }

  static Sample customer() {
    Customer customer =
        Customer.newBuilder()
            .setCustomerId("c-9")
            .setEmail("ann@example.com")
            .setFullName("Ann Lee")
            .setPhone(StringValue.of("+31 20 000"))
            .setMarketingOptIn(true)
            .setSignedUpAt(TS)
            .setSegment(Segment.VIP)
            .setPreferences(
                Struct.newBuilder()
                    .putFields("newsletter", Value.newBuilder().setBoolValue(false).build()))
            .setCountry("NL")
            .build();
    TableRow columns =
        new TableRow()
            .set("customer_id", "c-9")
            .set("email", ciphertext("ann@example.com"))
            .set("full_name", ciphertext("Ann Lee"))
            .set("phone", ciphertext(StringValue.of("+31 20 000").toByteString()))
            .set("marketing_opt_in", true)
            .set("signed_up_at", TS_TEXT)
            .set("segment", "VIP")
            .set("preferences", "{\"newsletter\":false}")
            .set("country", "NL");
    return new Sample(customer, columns);
  }

  static Sample membership() {
    LoyaltyMembership membership =
        LoyaltyMembership.newBuilder()
            .setMembershipId("m-1")
            .setCustomerId("c-9")
            .setTier(Tier.GOLD)
            .setJoinedAt(TS)
            .setPointsBalance(1200)
            .setCardNumber("LC-77")
            .setActive(BoolValue.of(false))
            .build();
    TableRow columns =
        new TableRow()
            .set("membership_id", "m-1")
            .set("customer_id", "c-9")
            .set("tier", "GOLD")
            .set("joined_at", TS_TEXT)
            .set("points_balance", "1200")
            .set("card_number", ciphertext("LC-77"))
            .set("active", false);
    return new Sample(membership, columns);
  }

  static Sample accrual() {
    LoyaltyAccrual accrual =
        LoyaltyAccrual.newBuilder()
            .setAccrualId("a-1")
            .setMembershipId("m-1")
            .setSaleId("s-1")
            .setPoints(-5)
            .setReason(AccrualReason.CORRECTION)
            .setMultiplier(DoubleValue.of(1.5))
            .build();
    TableRow columns =
        new TableRow()
            .set("accrual_id", "a-1")
            .set("membership_id", "m-1")
            .set("sale_id", "s-1")
            .set("points", "-5")
            .set("reason", "CORRECTION")
            .set("multiplier", 1.5);
    return new Sample(accrual, columns);
  }

  static Sample user() {
    User user =
        User.newBuilder()
            .setUserId(-1L)
            .setEmail("u@example.com")
            .setDisplayName("U")
            .setRegisteredAt(TS)
            .setLocale("nl-NL")
            .setEmailVerified(true)
            .setInstallationCount(-1)
            .build();
    TableRow columns =
        new TableRow()
            .set("user_id", "18446744073709551615")
            .set("email", ciphertext("u@example.com"))
            .set("display_name", ciphertext("U"))
            .set("registered_at", TS_TEXT)
            .set("locale", "nl-NL")
            .set("email_verified", true)
            .set("installation_count", "4294967295");
    return new Sample(user, columns);
  }

  static Sample installation() {
    Installation installation =
        Installation.newBuilder()
            .setInstallationId("i-1")
            .setUserId(42)
            .setKind(Kind.HEAT_PUMP)
            .setCapacityKw(7.5)
            .setLocation(GeoPoint.newBuilder().setLatitude(52.37).setLongitude(4.89))
            .setCommissionedAt(TS)
            .setActive(true)
            .setFirmwareVersion("1.2.3")
            .putAttributes("vendor", "acme")
            .addMeterIds("mt-1")
            .addMeterIds("mt-2")
            .build();
    TableRow columns =
        new TableRow()
            .set("installation_id", "i-1")
            .set("user_id", "42")
            .set("kind", "HEAT_PUMP")
            .set("capacity_kw", 7.5)
            .set("location", new TableRow().set("latitude", 52.37).set("longitude", 4.89))
            .set("commissioned_at", TS_TEXT)
            .set("active", true)
            .set("firmware_version", "1.2.3")
            .set("attributes", List.of(new TableRow().set("key", "vendor").set("value", "acme")))
            .set("meter_ids", List.of("mt-1", "mt-2"));
    return new Sample(installation, columns);
  }

  static Sample meterReading() {
    MeterReading reading =
        MeterReading.newBuilder()
            .setReadingId("r-1")
            .setMeterId("mt-1")
            .setInstallationId("i-1")
            .setReadAt(TS)
            .setInterval(Duration.newBuilder().setSeconds(900))
            .setEnergyKwh(0.25)
            .putRegisters("t1", 100.5)
            .setQuality(Quality.ESTIMATED)
            .setRawTelegram(ByteString.copyFromUtf8("/ISK5"))
            .setSequence(7)
            .setPeakPowerW(2.5f)
            .build();
    TableRow columns =
        new TableRow()
            .set("reading_id", "r-1")
            .set("meter_id", "mt-1")
            .set("installation_id", "i-1")
            .set("read_at", TS_TEXT)
            .set("interval", "900")
            .set("energy_kwh", 0.25)
            .set("registers", List.of(new TableRow().set("key", "t1").set("value", 100.5)))
            .set("quality", "ESTIMATED")
            .set("raw_telegram", "L0lTSzU=")
            .set("sequence", "7")
            .set("peak_power_w", 2.5);
    return new Sample(reading, columns);
  }

  static Sample callRecord() {
    CallRecord record =
        CallRecord.newBuilder()
            .setRecordId("cr-1")
            .setCallerMsisdn("31600000001")
            .setCalleeMsisdn("31600000002")
            .setStartedAt(TS)
            .setDuration(Duration.newBuilder().setSeconds(61).setNanos(500_000_000))
            .setBytesUp(-1L)
            .setBytesDown(10)
            .addCellIds(-1)
            .addCellIds(7)
            .setResult(CallResult.DROPPED)
            .setRoaming(true)
            .setPostpaidAmount(money("EUR", 0, 120_000_000))
            .setImsiHash(ByteString.copyFrom(new byte[] {1, 2, 3}))
            .setMosScore(FloatValue.of(4.25f))
            .setZeroRatedBytes(UInt64Value.of(-2L))
            .putSignallingCodes("q850", 16)
            .build();
    TableRow columns =
        new TableRow()
            .set("record_id", "cr-1")
            .set("caller_msisdn", ciphertext("31600000001"))
            .set("callee_msisdn", ciphertext("31600000002"))
            .set("started_at", TS_TEXT)
            .set("duration", "61.5")
            .set("bytes_up", "18446744073709551615")
            .set("bytes_down", "10")
            .set("cell_ids", List.of("4294967295", "7"))
            .set("result", "DROPPED")
            .set("roaming", true)
            .set("postpaid_amount", moneyRow("EUR", "0", "120000000"))
            .set("imsi_hash", "AQID")
            .set("mos_score", 4.25)
            .set("zero_rated_bytes", "18446744073709551614")
            .set("signalling_codes", List.of(new TableRow().set("key", "q850").set("value", "16")));
    return new Sample(record, columns);
  }
}
