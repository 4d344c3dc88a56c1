package io.entityflow.privacy.tools;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyStoreAccessTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:1/keys";

  @Test
  void aMissingUserVariableIsRefusedNamingItBeforeAnyConnection() {
    assertThatThrownBy(
            () -> KeyStoreAccess.open(URL, Map.of("ENTITYFLOW_KEY_STORE_PASSWORD", "secret")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "environment variable ENTITYFLOW_KEY_STORE_USER is not set; it must hold the key"
                + " store's database user (credentials are read only from"
                + " ENTITYFLOW_KEY_STORE_USER and ENTITYFLOW_KEY_STORE_PASSWORD, never from options"
                + " or the URL)");
  }

  @Test
  void anEmptyPasswordVariableIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                KeyStoreAccess.open(
                    URL,
                    Map.of(
                        "ENTITYFLOW_KEY_STORE_USER",
                        "forget",
                        "ENTITYFLOW_KEY_STORE_PASSWORD",
                        "")))
        .isInstanceOf(ForgetRefusedException.class)
        .hasMessage(
            "environment variable ENTITYFLOW_KEY_STORE_PASSWORD is empty; it must hold the"
                + " password of ENTITYFLOW_KEY_STORE_USER (credentials are read only from"
                + " ENTITYFLOW_KEY_STORE_USER and ENTITYFLOW_KEY_STORE_PASSWORD, never from options"
                + " or the URL)");
  }
}
