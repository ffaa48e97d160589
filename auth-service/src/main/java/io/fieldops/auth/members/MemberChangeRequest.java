package io.fieldops.auth.members;

import java.util.List;

/** {@code PATCH .../members/{user_id}/}: either or both; absent leaves it as it is. */
public record MemberChangeRequest(List<String> roles, Integer level) {}
