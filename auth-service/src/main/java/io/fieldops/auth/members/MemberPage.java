package io.fieldops.auth.members;

import java.util.List;

/** A page of members: {@code count} is the total over all pages. */
public record MemberPage(long count, int page, int size, List<MemberResponse> results) {}
