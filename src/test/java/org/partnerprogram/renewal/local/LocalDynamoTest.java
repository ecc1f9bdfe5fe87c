package org.partnerprogram.renewal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The local run's DynamoDB Local: reachable from this machine only, and a taken port said plainly. */
class LocalDynamoTest {

    @Test
    void theLocalDatabaseListensOnTheLoopbackAddressOnly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (LocalDynamo dynamo = LocalDynamo.start(port)) {
            assertThat(connects("127.0.0.1", port)).isTrue();
            // Linux routes all of 127.0.0.0/8 to the loopback interface: a server listening on every
            // interface answers 127.0.0.2 too, one bound to 127.0.0.1 does not.
            assertThat(connects("127.0.0.2", port)).as("listening beyond 127.0.0.1").isFalse();
        }
    }

    @Test
    void aPortAlreadyTakenIsSaidWithTheSettingThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalDynamo.start(port)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is in use (another local run?): stop what holds it,"
                            + " or start on another port: ./mvnw quarkus:dev -Dlocal.dynamodb-port=" + (port + 1));
        }
    }

    private static boolean connects(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
