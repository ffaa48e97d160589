package io.fieldops.jobcard.client;

import java.util.UUID;

/** What a job card keeps of its client: enough to list job cards without asking anyone. */
public record ClientSnapshot(UUID id, String fullName, String mobile, String city) {}
