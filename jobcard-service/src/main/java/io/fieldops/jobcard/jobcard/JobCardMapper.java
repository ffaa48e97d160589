package io.fieldops.jobcard.jobcard;

import io.fieldops.jobcard.rules.Money;
import java.math.BigDecimal;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Job card to its views; amounts as plain decimal strings ({@link Money#format}). */
@Mapper
interface JobCardMapper {

  @Mapping(target = "client", source = "clientId")
  JobCardView view(JobCard card);

  @Mapping(target = "client", source = "card.clientId")
  @Mapping(target = "clientCreated", source = "clientCreated")
  @Mapping(target = "message", source = "message")
  CreatedJobCard created(JobCard card, boolean clientCreated, String message);

  default String money(BigDecimal amount) {
    return Money.format(amount);
  }
}
