package io.entityflow.pipelines.pubsub;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.InternalNettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One plain-text gRPC channel per emulator {@code host:port} for the life of the JVM: the
 * DirectRunner creates and drops readers often (and does not always close them), and a channel is
 * costly to build and must be shut down, so readers share one instead of owning one.
 *
 * <pre>{@code
 * SubscriberGrpc.newBlockingStub(EmulatorChannels.to("127.0.0.1:8085"));
 * }</pre>
 *
 * <p>Thread-safe; the channels are shut down when the JVM exits.
 */
final class EmulatorChannels {
  private static final Map<String, ManagedChannel> CHANNELS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> CHANNELS.values().forEach(ManagedChannel::shutdownNow),
                "entityflow-emulator-channels-shutdown"));
  }

  private EmulatorChannels() {}

  /**
   * The channel to {@code hostPort}, without gRPC's OpenCensus stats and tracing: nothing reads
   * them here, and they cost every pull and acknowledgement a span and a stats record on a thread
   * of their own.
   */
  static ManagedChannel to(String hostPort) {
    return CHANNELS.computeIfAbsent(hostPort, EmulatorChannels::open);
  }

  private static ManagedChannel open(String target) {
    NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target).usePlaintext();
    InternalNettyChannelBuilder.setStatsEnabled(builder, false);
    InternalNettyChannelBuilder.setTracingEnabled(builder, false);
    return builder.build();
  }
}
