package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.rules.JobCardCodes;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the organisation's next job card code with one atomic upsert of its counter row, in the
 * transaction creating the job card: parallel creates get distinct codes (the row lock serialises
 * them), a rolled back number is skipped, and {@code UNIQUE (org_id, code)} backs it up.
 */
@Component
class JobCardNumbers {

  private final JdbcClient jdbc;

  JobCardNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  String next(UUID orgId) {
    long number =
        jdbc.sql(
                """
                insert into job_card_code_counter (org_id, last_value) values (:org, 1)
                on conflict (org_id)
                do update set last_value = job_card_code_counter.last_value + 1
                returning last_value
                """)
            .param("org", orgId)
            .query(Long.class)
            .single();
    return JobCardCodes.of(number);
  }
}
