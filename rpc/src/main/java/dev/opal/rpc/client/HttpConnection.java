package dev.opal.rpc.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * One persistent HTTP/1.1 connection (RFC 9112) for JSON-RPC POSTs: a blocking socket with
 * TCP_NODELAY, a request written in one piece, and a response read by Content-Length or chunked
 * transfer coding (what Go's net/http, op-geth's server, sends for large bodies). On loopback a
 * call costs tens of microseconds here against hundreds through java.net.http's asynchronous client,
 * which matters for an engine driven at hundreds of blocks a second.
 */
final class HttpConnection implements AutoCloseable {
  private static final int MAX_HEADER_LINE = 16 * 1024;
  private static final int MAX_BODY = 256 * 1024 * 1024;

  /** An HTTP answer: status, body, and whether the server keeps the connection open. */
  record Response(int status, byte[] body, boolean keepAlive) {}

  /** The connection failed before any byte of the response arrived: the server may not have seen the request. */
  static final class NoResponseException extends IOException {
    NoResponseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final String hostHeader;
  private final String path;
  long lastUsedNanos = System.nanoTime();

  HttpConnection(URI uri, int connectTimeoutMillis) throws IOException {
    if (uri.getHost() == null) throw new IllegalArgumentException("no host in URL " + uri);
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    Socket s = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(new InetSocketAddress(uri.getHost(), port), connectTimeoutMillis);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    this.socket = s;
    this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
    this.in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
    this.hostHeader = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String p = uri.getRawPath();
    this.path = (p == null || p.isEmpty() ? "/" : p) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  Response post(byte[] body, String authorization, int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    StringBuilder head = new StringBuilder(160);
    head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostHeader)
        .append("\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    if (authorization != null) head.append("Authorization: ").append(authorization).append("\r\n");
    head.append("\r\n");
    try {
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    } catch (IOException e) {
      throw new NoResponseException("the connection failed while sending: " + e.getMessage(), e);
    }
    int first;
    try {
      first = in.read();
    } catch (java.net.SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new NoResponseException("the connection failed before a response: " + e.getMessage(), e);
    }
    if (first < 0) throw new NoResponseException("the server closed the connection without a response", null);
    String status = (char) first + readLine();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("malformed HTTP status line: " + abbreviate(status));
    int code;
    try {
      code = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("malformed HTTP status line: " + abbreviate(status));
    }
    long length = -1;
    boolean chunked = false;
    boolean keepAlive = parts[0].equals("HTTP/1.1");
    for (String line; !(line = readLine()).isEmpty(); ) {
      int colon = line.indexOf(':');
      if (colon <= 0) continue;
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> {
          try {
            length = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length: " + abbreviate(value));
          }
        }
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> keepAlive = !value.equalsIgnoreCase("close") && (keepAlive || value.equalsIgnoreCase("keep-alive"));
        default -> { }
      }
    }
    byte[] bytes;
    if (chunked) {
      bytes = readChunked();
    } else if (length >= 0) {
      if (length > MAX_BODY) throw new IOException("response of " + length + " bytes is too large");
      bytes = readExactly((int) length);
    } else {
      bytes = in.readAllBytes(); // delimited by the server closing the connection
      keepAlive = false;
    }
    lastUsedNanos = System.nanoTime();
    return new Response(code, bytes, keepAlive);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      int semi = sizeLine.indexOf(';');
      long size;
      try {
        size = Long.parseLong((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + abbreviate(sizeLine));
      }
      if (size == 0) break;
      if (body.size() + size > MAX_BODY) throw new IOException("chunked response is too large");
      body.write(readExactly((int) size));
      if (!readLine().isEmpty()) throw new IOException("malformed chunk: no CRLF after its data");
    }
    while (!readLine().isEmpty()) { } // trailer fields
    return body.toByteArray();
  }

  private byte[] readExactly(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) throw new EOFException("response body ended after " + b.length + " of " + n + " bytes");
    return b;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) throw new EOFException("connection closed in the middle of the response");
      if (c == '\n') break;
      if (line.length() >= MAX_HEADER_LINE) throw new IOException("HTTP header line too long");
      line.append((char) c);
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
    return line.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a broken socket: nothing left to release
    }
  }
}
