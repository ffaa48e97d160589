package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.client.ClientDirectory;
import io.fieldops.jobcard.client.ClientSnapshot;
import io.fieldops.jobcard.jobtype.JobTypes;
import io.fieldops.platform.error.BadRequestException;
import io.fieldops.platform.events.idempotency.IdempotencyKeys;
import io.fieldops.platform.events.idempotency.IdempotentRequest;
import io.fieldops.platform.events.idempotency.StoredAnswer;
import io.fieldops.platform.events.members.Member;
import io.fieldops.platform.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's create, in an order that never leaves anything half-written: everything this service
 * can check itself first (members, job type, price, technician), then an earlier answer to the same
 * {@code Idempotency-Key}, then the client at customer-service (outside any transaction; its
 * find-or-create is idempotent), then one local transaction holding the job card, its code, its
 * idempotency record and its {@code jobcard.created} event.
 */
@Service
class JobCardCreation {

  static final String OPERATION = "jobcard-create";
  private static final Logger log = LoggerFactory.getLogger(JobCardCreation.class);

  private final ClientDirectory clients;
  private final JobTypes jobTypes;
  private final Technicians technicians;
  private final JobCardStore store;
  private final IdempotencyKeys idempotency;
  private final JobCardMapper mapper;
  private final JsonMapper json;
  private final MessageSource messages;
  private final Clock clock;

  JobCardCreation(
      ClientDirectory clients,
      JobTypes jobTypes,
      Technicians technicians,
      JobCardStore store,
      IdempotencyKeys idempotency,
      JobCardMapper mapper,
      JsonMapper json,
      MessageSource messages,
      Clock clock) {
    this.clients = clients;
    this.jobTypes = jobTypes;
    this.technicians = technicians;
    this.store = store;
    this.idempotency = idempotency;
    this.mapper = mapper;
    this.json = json;
    this.messages = messages;
    this.clock = clock;
  }

  StoredAnswer create(CurrentUser caller, JobCardRequest request, String idempotencyKey) {
    caller.requireWorksOrganisationData();
    String clientReference = clientReference(request);
    if (clientReference == null && request.clientData() == null) {
      throw new BadRequestException("jobcard.client.neither");
    }
    if (clientReference != null && request.clientData() != null) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("client", "jobcard.client.both"));
    }
    BigDecimal price = JobCardFields.price(request.price(), "price");
    String jobType = jobTypes.require(caller.orgId(), request.jobType());
    Optional<Member> technician =
        Optional.ofNullable(request.technicianId())
            .map(id -> technicians.require(caller.orgId(), id));

    Optional<IdempotentRequest> key =
        idempotency.key(idempotencyKey, OPERATION, caller.orgId(), request);
    // a retry is answered before customer-service is asked anything again
    Optional<StoredAnswer> earlier = key.flatMap(idempotency::replay);
    if (earlier.isPresent()) {
      return earlier.get();
    }

    ClientSnapshot client;
    boolean clientCreated;
    String message;
    if (clientReference != null) {
      client = clients.existing(clientReference);
      clientCreated = false;
      message = message("jobcard.created.existing-client");
    } else {
      ClientDirectory.Resolved resolved = clients.findOrCreate(request.clientData());
      client = resolved.client();
      clientCreated = resolved.created();
      message = message("jobcard.created.client-data");
    }
    NewJobCard fresh =
        new NewJobCard(
            client,
            request.serviceType().strip(),
            jobType,
            request.scheduleDate(),
            technician.map(Member::userId).orElse(null),
            JobCardFields.blankToNull(request.technicianName()) != null
                ? request.technicianName().strip()
                : technician.map(Member::fullName).orElse(null),
            price,
            JobCardFields.blankToNull(request.notes()),
            JobCardFields.blankToNull(request.reference()));
    return idempotency.execute(
        key,
        () -> {
          JobCard card = store.create(caller, fresh, clock.instant());
          log.info(
              "Job card {} ({}) created by {} in {} for client {} (client created: {})",
              card.getId(),
              card.getCode(),
              caller.id(),
              caller.orgId(),
              client.id(),
              clientCreated);
          return new StoredAnswer(
              HttpStatus.CREATED.value(),
              json.valueToTree(mapper.created(card, clientCreated, message)));
        });
  }

  /** {@code client} as text: a UUID string, or the seed's number; null when absent. */
  private static String clientReference(JobCardRequest request) {
    JsonNode client = request.client();
    if (client == null || client.isNull() || client.isMissingNode()) {
      return null;
    }
    if (!client.isValueNode()) {
      throw new BadRequestException(
          "fieldops.problem.validation-failed", Map.of("client", "jobcard.client.not-an-id"));
    }
    String text = client.asString();
    return text.isBlank() ? null : text.strip();
  }

  private String message(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}
