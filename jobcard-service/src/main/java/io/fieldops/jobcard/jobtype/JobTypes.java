package io.fieldops.jobcard.jobtype;

import io.fieldops.jobcard.config.JobCardProperties;
import io.fieldops.platform.error.BadRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organisation's list of job types (seed 000's {@code job_type}, {@code Customer} by default).
 * An organisation that never set its own uses {@code fieldops.jobcards.default-job-types}.
 */
@Service
public class JobTypes {

  static final int MAX_TYPES = 50;
  static final int MAX_LENGTH = 50;

  private final JdbcClient jdbc;
  private final List<String> defaults;

  JobTypes(JdbcClient jdbc, JobCardProperties properties) {
    this.jdbc = jdbc;
    this.defaults = properties.defaultJobTypes();
  }

  /** In the order staff see them. */
  @Transactional(readOnly = true)
  public List<String> of(UUID orgId) {
    List<String> own =
        jdbc.sql("select name from job_type where org_id = :org order by position")
            .param("org", orgId)
            .query(String.class)
            .list();
    return own.isEmpty() ? defaults : own;
  }

  /**
   * The job type as the organisation spells it ({@code "customer"} is {@code "Customer"}); null or
   * blank is the organisation's first. A name not on the list is a 400 naming {@code job_type}.
   */
  public String require(UUID orgId, String wanted) {
    List<String> types = of(orgId);
    if (wanted == null || wanted.isBlank()) {
      return types.getFirst();
    }
    return find(types, wanted)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "jobcard.job-type.unknown",
                    Map.of("job_type", "jobcard.job-type.not-listed"),
                    String.join(", ", types)));
  }

  /** Replaces the organisation's list (admins and supervisors). */
  @Transactional
  public List<String> replace(UUID orgId, List<String> wanted) {
    Map<String, String> distinct = new LinkedHashMap<>();
    if (wanted == null || wanted.isEmpty() || wanted.size() > MAX_TYPES) {
      throw invalid();
    }
    for (String name : wanted) {
      if (name == null || name.isBlank() || name.strip().length() > MAX_LENGTH) {
        throw invalid();
      }
      distinct.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip());
    }
    jdbc.sql("delete from job_type where org_id = :org").param("org", orgId).update();
    int position = 0;
    for (String name : distinct.values()) {
      jdbc.sql("insert into job_type (org_id, name, position) values (:org, :name, :position)")
          .param("org", orgId)
          .param("name", name)
          .param("position", position++)
          .update();
    }
    return List.copyOf(distinct.values());
  }

  private static Optional<String> find(List<String> types, String wanted) {
    return types.stream().filter(t -> t.equalsIgnoreCase(wanted.strip())).findFirst();
  }

  private static BadRequestException invalid() {
    return new BadRequestException(
        "fieldops.problem.validation-failed", Map.of("job_types", "jobcard.job-types.invalid"));
  }
}
