package io.fieldops.systemtests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What a fuzz run sent and got: answers per service and status, and every broken rule. */
public final class FuzzReport {

  private final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> findings = new ConcurrentLinkedQueue<>();

  void record(FuzzCase request, int status, List<String> broken) {
    statuses
        .computeIfAbsent(request.operation().service(), service -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, code -> new AtomicInteger())
        .incrementAndGet();
    broken.forEach(rule -> findings.add(rule + " <- " + request));
  }

  void finding(String finding) {
    findings.add(finding);
  }

  public List<String> findings() {
    return new ArrayList<>(findings);
  }

  public int requests() {
    return statuses.values().stream()
        .flatMap(byStatus -> byStatus.values().stream())
        .mapToInt(AtomicInteger::get)
        .sum();
  }

  /** Answers per service and status, as a Markdown table. */
  public String table() {
    TreeSet<Integer> codes = new TreeSet<>();
    statuses.values().forEach(byStatus -> codes.addAll(byStatus.keySet()));
    StringBuilder table = new StringBuilder("| service | requests |");
    codes.forEach(code -> table.append(' ').append(code).append(" |"));
    table.append("\n|---|---:|");
    codes.forEach(code -> table.append("---:|"));
    int total = 0;
    Map<Integer, Integer> totals = new TreeMap<>();
    for (var service : new TreeMap<>(statuses).entrySet()) {
      int sum = service.getValue().values().stream().mapToInt(AtomicInteger::get).sum();
      total += sum;
      table.append("\n| ").append(service.getKey()).append(" | ").append(sum).append(" |");
      for (int code : codes) {
        AtomicInteger count = service.getValue().get(code);
        int n = count == null ? 0 : count.get();
        totals.merge(code, n, Integer::sum);
        table.append(' ').append(n).append(" |");
      }
    }
    table.append("\n| all | ").append(total).append(" |");
    codes.forEach(code -> table.append(' ').append(totals.get(code)).append(" |"));
    return table.append('\n').toString();
  }
}
