package io.fieldops.jobcard.jobcard;

import java.util.List;

/** One page of job cards, newest first; {@code count} is the total matching. */
public record JobCardPage(long count, int page, int size, List<JobCardView> results) {}
