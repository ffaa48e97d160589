package io.fieldops.auth.user;

import io.fieldops.auth.organisation.Organisation;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities never leave the service: this is the one way a user becomes a response. */
@Mapper
public interface UserMapper {

  @Mapping(target = "id", source = "user.id")
  @Mapping(target = "isActive", source = "user.active")
  @Mapping(target = "dateJoined", source = "user.createdAt")
  @Mapping(target = "organization", source = "organisation")
  @Mapping(target = "roles", source = "membership.roles")
  @Mapping(target = "level", source = "membership.level")
  UserResponse toResponse(AppUser user, Membership membership, Organisation organisation);

  UserResponse.OrganizationSummary toSummary(Organisation organisation);
}
