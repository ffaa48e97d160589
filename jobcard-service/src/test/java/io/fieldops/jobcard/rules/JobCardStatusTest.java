package io.fieldops.jobcard.rules;

import static io.fieldops.jobcard.rules.JobCardStatus.CANCELLED;
import static io.fieldops.jobcard.rules.JobCardStatus.COMPLETED;
import static io.fieldops.jobcard.rules.JobCardStatus.ENQUIRY;
import static io.fieldops.jobcard.rules.JobCardStatus.IN_PROGRESS;
import static io.fieldops.jobcard.rules.JobCardStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobCardStatusTest {

  @Test
  void eachStatusMovesOnlyOneStepForwardOrToCancelled() {
    assertThat(allowedFrom(ENQUIRY)).containsExactlyInAnyOrder(SCHEDULED, CANCELLED);
    assertThat(allowedFrom(SCHEDULED)).containsExactlyInAnyOrder(IN_PROGRESS, CANCELLED);
    assertThat(allowedFrom(IN_PROGRESS)).containsExactlyInAnyOrder(COMPLETED, CANCELLED);
    assertThat(allowedFrom(COMPLETED)).isEmpty();
    assertThat(allowedFrom(CANCELLED)).isEmpty();
  }

  @Test
  void namesAreReadAsTheSeedWritesThemWhateverTheCase() {
    assertThat(JobCardStatus.fromValue("In Progress")).contains(IN_PROGRESS);
    assertThat(JobCardStatus.fromValue(" in progress ")).contains(IN_PROGRESS);
    assertThat(JobCardStatus.fromValue("IN_PROGRESS")).isEmpty();
    assertThat(JobCardStatus.fromValue("Done")).isEmpty();
    assertThat(JobCardStatus.fromValue(null)).isEmpty();
    assertThat(IN_PROGRESS.value()).isEqualTo("In Progress");
  }

  @Test
  void aTechnicianMaySetOnlyInProgressAndCompleted() {
    assertThat(JobCardStatus.TECHNICIAN_MAY_SET).containsExactlyInAnyOrder(IN_PROGRESS, COMPLETED);
  }

  private static Set<JobCardStatus> allowedFrom(JobCardStatus from) {
    Set<JobCardStatus> allowed = EnumSet.noneOf(JobCardStatus.class);
    for (JobCardStatus next : JobCardStatus.values()) {
      if (from.canMoveTo(next)) {
        allowed.add(next);
      }
    }
    return allowed;
  }
}
