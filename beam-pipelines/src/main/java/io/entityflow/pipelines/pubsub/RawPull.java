package io.entityflow.pipelines.pubsub;

import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.SubscriberGrpc;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Pub/Sub's {@code Pull} method with its response left as the bytes received, so that the {@link
 * PullJournal} stores them as they are instead of serializing the parsed response again.
 *
 * <pre>{@code
 * byte[] received = ClientCalls.blockingUnaryCall(channel, RawPull.METHOD, options, request);
 * PullResponse response = PullResponse.parseFrom(received);
 * journal.write(received);
 * }</pre>
 *
 * <p>Same method name, request and wire format as {@link SubscriberGrpc#getPullMethod()}.
 */
final class RawPull {
  /** {@code google.pubsub.v1.Subscriber/Pull} answering a serialized {@code PullResponse}. */
  static final MethodDescriptor<PullRequest, byte[]> METHOD =
      SubscriberGrpc.getPullMethod().toBuilder(
              SubscriberGrpc.getPullMethod().getRequestMarshaller(), new BytesMarshaller())
          .build();

  private RawPull() {}

  /** Passes bytes through unchanged. */
  static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try (InputStream in = stream) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read a Pull response from the emulator", e);
      }
    }
  }
}
