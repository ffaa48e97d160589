package io.fieldops.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers a request the HTTP decoder could not read, whose Host header Reactor Netty cannot read,
 * or whose target is not a valid URI, with a problem and closes the connection (as Reactor Netty
 * does, since what follows on the connection cannot be trusted to start a request). One instance
 * per connection.
 *
 * <p>Reactor Netty would answer these itself, with no body; Spring would answer an invalid URI
 * (e.g. {@code ?page=%zz}) with an empty 400 from {@code ReactorHttpHandlerAdapter}. The URI check
 * here is the same parse Spring makes, {@link URI#URI(String)}, done earlier. Like Reactor Netty's
 * own answer to a decoding failure, this one is written at once, even behind a pipelined request
 * still in flight: browsers do not pipeline, and the connection ends here.
 */
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(MalformedRequestHandler.class);

  private final ProblemWriter problems;
  private boolean refused;

  MalformedRequestHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      // the rest of a refused request (its body) until the connection closes
      ReferenceCountUtil.release(msg);
      return;
    }
    Refusal refusal = msg instanceof HttpRequest request ? Refusal.of(request) : null;
    if (refusal == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    refused = true;
    ReferenceCountUtil.release(msg);
    log.debug("Refused a malformed request from {}: {}", ctx.channel().remoteAddress(), refusal);
    byte[] body =
        problems.body(refusal.status(), refusal.code(), refusal.error(), refusal.message(), null);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(refusal.status().value()),
            Unpooled.wrappedBuffer(body));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** Why a request is refused, as the problem's members. */
  record Refusal(HttpStatus status, String code, String error, String message) {

    /** Null for a request the gateway goes on to handle. */
    static Refusal of(HttpRequest request) {
      DecoderResult decoded = request.decoderResult();
      if (decoded.isFailure()) {
        return switch (decoded.cause()) {
          case TooLongHttpLineException tooLong ->
              new Refusal(
                  HttpStatus.URI_TOO_LONG,
                  "uri-too-long",
                  "URI too long",
                  "The request's path and query are longer than the gateway accepts");
          case TooLongHttpHeaderException tooLarge ->
              new Refusal(
                  HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                  "request-header-fields-too-large",
                  "Request headers too large",
                  "The request's headers are larger than the gateway accepts");
          default ->
              new Refusal(
                  HttpStatus.BAD_REQUEST,
                  "bad-request",
                  "Bad request",
                  "The request is not valid HTTP");
        };
      }
      if (!hasReadablePort(request.headers().get(HttpHeaderNames.HOST))) {
        return new Refusal(
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "Bad request",
            "The Host header is not a host name or address with an optional numeric port");
      }
      try {
        new URI(request.uri());
        return null;
      } catch (URISyntaxException invalid) {
        return new Refusal(
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "Bad request",
            "The request's path or query is not a valid URI: a '%' must start an escape such as"
                + " %20, and spaces and other special characters must be percent-encoded");
      }
    }

    /**
     * The Host header as Reactor Netty reads it (its {@code ConnectionInfo}): what follows the
     * port's colon, after the brackets of an IPv6 address, must be a number, or Reactor Netty
     * answers an empty 400 ({@code Host: [::1}, {@code Host: example.com:http}).
     */
    static boolean hasReadablePort(String host) {
      if (host == null || host.isEmpty()) {
        return true;
      }
      int colon = host.charAt(0) == '[' ? host.indexOf(':', host.indexOf(']')) : host.indexOf(':');
      if (colon < 0) {
        return true;
      }
      try {
        Integer.parseInt(host.substring(colon + 1));
        return true;
      } catch (NumberFormatException notANumber) {
        return false;
      }
    }
  }
}
