package io.fieldops.customer.customer;

import io.fieldops.customer.identity.PhoneSettings;
import io.fieldops.platform.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rule for writing a {@link CustomerRequest} onto a customer: every member is checked first and
 * nothing changes unless all of them are acceptable; absent members stay, {@code ""} clears.
 * Identity members ({@code full_name}, {@code mobile}, {@code email}, {@code notes}) are refused on
 * a linked customer, whose identity is auth-service's.
 */
public final class CustomerEdit {

  static final String BLANK = "customer.field.blank";
  static final String REQUIRED = "customer.field.required";
  static final String IDENTITY_ELSEWHERE = "customer.field.identity-in-auth";
  static final String NOT_HERE = "customer.field.not-allowed";
  static final String MOBILE_INVALID = "customer.mobile.invalid";
  static final String MOBILE_NOT_VALID_HERE = "customer.mobile.invalid-in-region";
  static final String PHONE_INVALID = "customer.phone.invalid";

  private final Map<String, String> problems = new LinkedHashMap<>();
  private final List<Consumer<Customer>> changes = new ArrayList<>();
  private String mobileKey;

  private CustomerEdit() {}

  /** How the request is used. */
  public enum Kind {
    /** the caller's own profile: no user_id, no identity members */
    PROFILE,
    /** staff, a user's customer (seed 004 with user_id): no identity members */
    LINKED,
    /** staff, a standalone customer being created: full_name required */
    STANDALONE_NEW,
    /** staff, a standalone customer being changed */
    STANDALONE
  }

  /**
   * Checks {@code request} for {@code kind}.
   *
   * @param phones how the organisation reads phone numbers (mobile and emergency phone)
   */
  public static CustomerEdit of(CustomerRequest request, Kind kind, PhoneSettings phones) {
    CustomerEdit edit = new CustomerEdit();
    edit.check(request, kind, phones);
    return edit;
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** Field (snake_case) to message key. */
  public Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  /** The new mobile's key (what one client per mobile is on), when the request sets one. */
  public String mobileKey() {
    return mobileKey;
  }

  /** Applies the checked changes; only when {@link #valid()}. */
  public void applyTo(Customer customer) {
    if (!valid()) {
      throw new IllegalStateException("invalid edit: " + problems);
    }
    changes.forEach(change -> change.accept(customer));
  }

  private void check(CustomerRequest r, Kind kind, PhoneSettings phones) {
    if (r.userId() != null && kind != Kind.LINKED) {
      problems.put("user_id", NOT_HERE);
    }
    text(r.streetAddress(), Customer::setStreetAddress);
    text(r.city(), Customer::setCity);
    text(r.state(), Customer::setState);
    text(r.postalCode(), Customer::setPostalCode);
    text(r.country(), Customer::setCountry);
    text(r.companyName(), Customer::setCompanyName);
    text(r.businessType(), Customer::setBusinessType);
    text(r.taxId(), Customer::setTaxId);
    text(r.emergencyContactName(), Customer::setEmergencyContactName);
    text(r.emergencyContactRelationship(), Customer::setEmergencyContactRelationship);
    if (r.emergencyContactPhone() != null) {
      if (r.emergencyContactPhone().isBlank()) {
        changes.add(c -> c.setEmergencyContactPhone(null));
      } else {
        var phone = PhoneNumbers.read(r.emergencyContactPhone(), phones.region(), phones.strict());
        if (phone.isEmpty()) {
          problems.put("emergency_contact_phone", PHONE_INVALID);
        } else {
          String written = phone.get().written();
          changes.add(c -> c.setEmergencyContactPhone(written));
        }
      }
    }
    if (r.preferredContactMethod() != null) {
      String method = r.preferredContactMethod();
      changes.add(c -> c.setPreferredContactMethod(method));
    }
    if (r.customerType() != null) {
      String type = r.customerType();
      changes.add(c -> c.setCustomerType(type));
    }
    if (r.notificationPreferences() != null) {
      CustomerRequest.NotificationPreferences n = r.notificationPreferences();
      changes.add(
          c ->
              c.setNotifications(
                  n.email() == null ? c.isNotifyEmail() : n.email(),
                  n.sms() == null ? c.isNotifySms() : n.sms(),
                  n.push() == null ? c.isNotifyPush() : n.push()));
    }
    boolean standalone = kind == Kind.STANDALONE || kind == Kind.STANDALONE_NEW;
    if (!standalone) {
      for (var member :
          new Object[][] {
            {"full_name", r.fullName()}, {"mobile", r.mobile()},
            {"email", r.email()}, {"notes", r.notes()}
          }) {
        if (member[1] != null) {
          problems.put((String) member[0], IDENTITY_ELSEWHERE);
        }
      }
      return;
    }
    checkClientIdentity(r, kind, phones);
  }

  private void checkClientIdentity(CustomerRequest r, Kind kind, PhoneSettings phones) {
    if (r.fullName() == null && kind == Kind.STANDALONE_NEW) {
      problems.put("full_name", REQUIRED);
    } else if (r.fullName() != null && r.fullName().isBlank()) {
      problems.put("full_name", BLANK);
    }
    String mobile = null;
    boolean clearMobile = false;
    if (r.mobile() != null) {
      if (r.mobile().isBlank()) {
        clearMobile = true;
      } else {
        var parsed = PhoneNumbers.read(r.mobile(), phones.region(), phones.strict());
        if (parsed.isEmpty()) {
          problems.put("mobile", phones.strict() ? MOBILE_NOT_VALID_HERE : MOBILE_INVALID);
        } else {
          mobile = parsed.get().written();
          mobileKey = parsed.get().key();
        }
      }
    }
    String fullName = r.fullName() == null ? null : r.fullName().strip();
    String email = r.email() == null ? null : blankToNull(r.email());
    boolean emailGiven = r.email() != null;
    String newMobile = mobile;
    String newKey = mobileKey;
    boolean mobileGiven = r.mobile() != null;
    boolean clear = clearMobile;
    changes.add(
        c ->
            c.setClientIdentity(
                fullName != null ? fullName : c.getFullName(),
                clear ? null : mobileGiven ? newMobile : c.getMobile(),
                clear ? null : mobileGiven ? newKey : c.getMobileKey(),
                emailGiven ? email : c.getEmail()));
    if (r.notes() != null) {
      String notes = blankToNull(r.notes());
      changes.add(c -> c.setNotes(notes));
    }
  }

  private void text(String value, java.util.function.BiConsumer<Customer, String> setter) {
    if (value != null) {
      String stored = blankToNull(value);
      changes.add(c -> setter.accept(c, stored));
    }
  }

  private static String blankToNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
