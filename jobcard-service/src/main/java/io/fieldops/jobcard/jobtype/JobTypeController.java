package io.fieldops.jobcard.jobtype;

import io.fieldops.platform.security.CurrentUser;
import io.fieldops.platform.security.Level;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation's job types: staff read them, supervisors and admins set them. */
@RestController
class JobTypeController {

  private final JobTypes jobTypes;

  JobTypeController(JobTypes jobTypes) {
    this.jobTypes = jobTypes;
  }

  record JobTypeList(List<String> jobTypes) {}

  @GetMapping("/api/v1/jobcards/job-types")
  JobTypeList list(CurrentUser caller) {
    caller.requireStaff();
    return new JobTypeList(jobTypes.of(caller.orgId()));
  }

  @PutMapping("/api/v1/jobcards/job-types")
  JobTypeList replace(CurrentUser caller, @RequestBody JobTypeList request) {
    caller.requireStaff().requireLevel(Level.SUPERVISOR);
    return new JobTypeList(jobTypes.replace(caller.orgId(), request.jobTypes()));
  }
}
