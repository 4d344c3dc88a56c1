package io.entityflow.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PubSubEmulatorContainer;
import org.testcontainers.utility.DockerImageName;

/** The emulator in a Testcontainers container, used only where Docker runs and gcloud is absent. */
final class ContainerEmulator {
  private static final String IMAGE = "gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators";

  private ContainerEmulator() {}

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (NoClassDefFoundError | RuntimeException e) {
      return false;
    }
  }

  /** Starts a container and returns its {@code host:port}. */
  @SuppressWarnings("resource") // stopped by Testcontainers' reaper with the JVM
  static String start() {
    PubSubEmulatorContainer container = new PubSubEmulatorContainer(DockerImageName.parse(IMAGE));
    container.start();
    return container.getEmulatorEndpoint();
  }
}
