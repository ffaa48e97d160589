package io.fieldops.systemtests.fuzz;

import io.fieldops.systemtests.Gateway;
import io.fieldops.systemtests.GatewayResponse;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends bad requests for every operation of every published document through the gateway and checks
 * each answer against {@link AnswerRules}. Requests come from many loopback addresses, as from many
 * clients, so the gateway's per-client rate limits answer 429 rarely and the services' own checks
 * are what is tested.
 */
public final class ApiFuzzer {

  // Two at a time: the whole suite shares two cores with this test, and more made peer calls time
  // out (a 503 that says the machine is saturated, not that a request was handled wrongly).
  private static final int CLIENTS = 2;

  private final Gateway gateway;
  private final List<Gateway> addresses = new ArrayList<>();

  public ApiFuzzer(Gateway gateway) {
    this.gateway = gateway;
    for (int i = 0; i < 250; i++) {
      addresses.add(gateway.from("127.77.%d.%d".formatted(i / 100, 1 + i % 100)));
    }
  }

  /** Every operation of every service, about {@code requestsPerService} bad requests each. */
  public FuzzReport run(String token, int requestsPerService, long seed) throws Exception {
    FuzzReport report = new FuzzReport();
    List<FuzzCase> cases = new ArrayList<>();
    for (String service : ApiDocument.SERVICES) {
      List<ApiOperation> operations = ApiDocument.read(gateway, service);
      BadRequests requests = new BadRequests(token, seed + service.hashCode());
      int perOperation =
          Math.max(1, (requestsPerService + operations.size() - 1) / operations.size());
      for (ApiOperation operation : operations) {
        cases.addAll(requests.forOperation(operation, perOperation));
      }
    }
    try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        FuzzCase request = cases.get(i);
        Gateway from = addresses.get(i % addresses.size());
        sent.add(clients.submit(() -> send(from, request, report)));
      }
      for (Future<?> each : sent) {
        each.get();
      }
    }
    return report;
  }

  private static void send(Gateway from, FuzzCase request, FuzzReport report) {
    HttpRequest.Builder builder = from.request(request.target());
    List<String> headers = new ArrayList<>(request.headers());
    if (request.body() != null && !headers.contains("Content-Type")) {
      headers.add("Content-Type");
      headers.add("application/json");
    }
    for (int i = 0; i < headers.size(); i += 2) {
      builder.header(headers.get(i), headers.get(i + 1));
    }
    builder.method(
        request.operation().method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    GatewayResponse answer;
    try {
      answer = from.send(builder);
    } catch (RuntimeException e) {
      report.finding("no answer (" + e + ") <- " + request);
      return;
    }
    report.record(request, answer.status(), AnswerRules.broken(request, answer));
  }
}
