package io.fieldops.gateway.problem;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts {@link MalformedRequestHandler} right behind Reactor Netty's HTTP decoder, so that requests
 * the server refuses before any Spring code runs (a request line over the limit, oversized headers,
 * unreadable HTTP, a path or query that is not a valid URI) get a problem like every other error
 * instead of Reactor Netty's and Spring's empty 400/414/431.
 */
@Component
class MalformedRequests implements NettyServerCustomizer {

  static final String HANDLER_NAME = "fieldops.malformedRequests";

  private final ProblemWriter problems;

  MalformedRequests(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public HttpServer apply(HttpServer server) {
    return server.doOnChannelInit(
        (observer, channel, remoteAddress) -> {
          ChannelPipeline pipeline = channel.pipeline();
          // Only the HTTP/1.1 pipeline has this codec; the gateway does not enable HTTP/2.
          if (pipeline.get(NettyPipeline.HttpCodec) != null) {
            pipeline.addAfter(
                NettyPipeline.HttpCodec, HANDLER_NAME, new MalformedRequestHandler(problems));
          }
        });
  }
}
