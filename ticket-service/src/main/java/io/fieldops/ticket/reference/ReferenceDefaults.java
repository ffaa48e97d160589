package io.fieldops.ticket.reference;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new organisation's work types and ticket statuses, in Thai and English, created the first time
 * the organisation uses tickets (a list or a master write). Only an organisation with none at all
 * gets them: one whose admin deactivated some keeps its own choice. Two first uses at once insert
 * the same codes, and {@code UNIQUE (org_id, code)} keeps one of each.
 */
@Component
public class ReferenceDefaults {

  record WorkTypeDefault(String code, String nameTh, String nameEn) {}

  record StatusDefault(String code, String nameTh, String nameEn, String category, int order) {}

  static final List<WorkTypeDefault> WORK_TYPES =
      List.of(
          new WorkTypeDefault("repair", "ซ่อม", "Repair"),
          new WorkTypeDefault("installation", "ติดตั้ง", "Installation"),
          new WorkTypeDefault("pm", "บำรุงรักษาตามแผน (PM)", "Preventive maintenance"),
          new WorkTypeDefault("inspection", "ตรวจเช็ค", "Inspection"),
          new WorkTypeDefault("consultation", "ให้คำปรึกษา", "Consultation"));

  static final List<StatusDefault> STATUSES =
      List.of(
          new StatusDefault("new", "ใหม่", "New", "new", 10),
          new StatusDefault("assigned", "มอบหมายแล้ว", "Assigned", "open", 20),
          new StatusDefault("in_progress", "กำลังดำเนินการ", "In progress", "open", 30),
          new StatusDefault("pending", "รอดำเนินการ", "Pending", "pending", 40),
          new StatusDefault("completed", "เสร็จสิ้น", "Completed", "resolved", 50),
          new StatusDefault("closed", "ปิดงาน", "Closed", "closed", 60),
          new StatusDefault("cancelled", "ยกเลิก", "Cancelled", "closed", 70));

  private final JdbcClient jdbc;
  private final Clock clock;

  ReferenceDefaults(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public void ensure(UUID orgId) {
    Instant now = clock.instant();
    if (none("work_type", orgId)) {
      for (WorkTypeDefault type : WORK_TYPES) {
        jdbc.sql(
                """
                insert into work_type (id, org_id, code, name_th, name_en, created_at, updated_at)
                values (:id, :org, :code, :th, :en, :now, :now)
                on conflict (org_id, code) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("org", orgId)
            .param("code", type.code())
            .param("th", type.nameTh())
            .param("en", type.nameEn())
            .param("now", java.sql.Timestamp.from(now))
            .update();
      }
    }
    if (none("ticket_status", orgId)) {
      for (StatusDefault status : STATUSES) {
        jdbc.sql(
                """
                insert into ticket_status
                  (id, org_id, code, name_th, name_en, category, sort_order, created_at, updated_at)
                values (:id, :org, :code, :th, :en, :category, :order, :now, :now)
                on conflict (org_id, code) do nothing
                """)
            .param("id", UUID.randomUUID())
            .param("org", orgId)
            .param("code", status.code())
            .param("th", status.nameTh())
            .param("en", status.nameEn())
            .param("category", status.category())
            .param("order", status.order())
            .param("now", java.sql.Timestamp.from(now))
            .update();
      }
    }
  }

  private boolean none(String table, UUID orgId) {
    return !jdbc.sql("select exists (select 1 from " + table + " where org_id = :org)")
        .param("org", orgId)
        .query(Boolean.class)
        .single();
  }
}
