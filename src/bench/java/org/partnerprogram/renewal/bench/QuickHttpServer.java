package org.partnerprogram.renewal.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import jdk.net.ExtendedSocketOptions;

/**
 * A minimal HTTP/1.1 server on the loopback interface for the cold-start benchmark (the mock
 * Lambda Runtime API and a DynamoDB stand-in). It acknowledges every read at once (TCP_QUICKACK):
 * clients that write headers and body separately (HttpURLConnection, the runtime interface
 * client) would otherwise wait for Linux's delayed ACK, about 40 ms per request, and the warm
 * invocations would measure that instead of the function.
 */
final class QuickHttpServer implements AutoCloseable {

    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, String body, Map<String, String> headers) {
            Map<String, String> all = new HashMap<>(headers);
            all.putIfAbsent("Content-Type", "application/json");
            return new Response(status, all, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    interface Handler {
        /** May block, e.g. to hold a poll. */
        Response handle(Request request) throws Exception;
    }

    private final ServerSocket server;

    QuickHttpServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> serve(socket, handler), "quick-http-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "quick-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static void serve(Socket socket, Handler handler) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                byte[] body = body(in, headers);
                String[] parts = requestLine.split(" ");
                Response response = handler.handle(new Request(parts[0], parts[1], headers, body));
                StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status() + " X\r\n");
                response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                all.write(response.body());
                out.write(all.toByteArray());
                out.flush();
                if ("close".equalsIgnoreCase(headers.get("connection"))) {
                    return;
                }
            }
        } catch (Exception e) {
            // the client went away: nothing to answer
        }
    }

    private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
