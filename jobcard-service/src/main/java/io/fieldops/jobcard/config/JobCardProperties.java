package io.fieldops.jobcard.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultJobTypes an organisation's job types until its admin sets its own; the first is the
 *     default of a job card that names none (seed 000: {@code Customer})
 */
@ConfigurationProperties("fieldops.jobcards")
public record JobCardProperties(
    @DefaultValue({"Customer", "Contract", "Warranty", "Complaint"}) List<String> defaultJobTypes) {

  public JobCardProperties {
    if (defaultJobTypes == null || defaultJobTypes.isEmpty()) {
      throw new IllegalArgumentException("fieldops.jobcards.default-job-types must name one");
    }
    defaultJobTypes = List.copyOf(defaultJobTypes);
  }
}
