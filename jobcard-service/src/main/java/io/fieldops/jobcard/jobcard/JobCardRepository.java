package io.fieldops.jobcard.jobcard;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobCardRepository
    extends JpaRepository<JobCard, Long>, JpaSpecificationExecutor<JobCard> {

  Optional<JobCard> findByIdAndOrgId(Long id, UUID orgId);

  /**
   * A client's new name, mobile or city, on every job card of theirs (customer-service's event).
   */
  @Modifying
  @Query(
      """
      update JobCard j set j.clientName = :name, j.clientMobile = :mobile, j.clientCity = :city
      where j.orgId = :orgId and j.clientId = :clientId
      """)
  int refreshClient(
      @Param("orgId") UUID orgId,
      @Param("clientId") UUID clientId,
      @Param("name") String name,
      @Param("mobile") String mobile,
      @Param("city") String city);
}
