package dev.opal.rpc.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens as the Engine API uses them (execution-apis authentication.md): the
 * consensus client signs {@code {"iat": now}} with the shared secret; the execution client accepts
 * only HS256 and only an {@code iat} within ±60 seconds of its clock.
 */
public final class Jwt {
  /** The allowed clock drift between the two clients. */
  public static final long MAX_IAT_DRIFT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final JwtSecret secret;
  private final Clock clock;

  public Jwt(JwtSecret secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  public Jwt(JwtSecret secret) {
    this(secret, Clock.systemUTC());
  }

  /** A fresh token with {@code iat} = now. */
  public String token() {
    String payload = B64.encodeToString(("{\"iat\":" + clock.instant().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    String signingInput = HEADER + "." + payload;
    return signingInput + "." + B64.encodeToString(hmac(signingInput));
  }

  /** Checks a token; throws {@link InvalidTokenException} saying why it is refused. */
  public void verify(String token) {
    if (token == null) throw new InvalidTokenException("missing token");
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) throw new InvalidTokenException("malformed token");
    JsonNode header = parse(parts[0], "header");
    if (!"HS256".equals(header.path("alg").asText())) throw new InvalidTokenException("algorithm must be HS256");
    byte[] signature;
    try {
      signature = B64D.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("malformed signature");
    }
    if (!MessageDigest.isEqual(signature, hmac(parts[0] + "." + parts[1]))) throw new InvalidTokenException("signature mismatch");
    JsonNode claims = parse(parts[1], "claims");
    JsonNode iat = claims.get("iat");
    if (iat == null || !iat.isIntegralNumber()) throw new InvalidTokenException("missing iat claim");
    long drift = Math.abs(clock.instant().getEpochSecond() - iat.asLong());
    if (drift > MAX_IAT_DRIFT_SECONDS) throw new InvalidTokenException("stale token: iat is " + drift + " s from now");
  }

  private static JsonNode parse(String part, String what) {
    try {
      JsonNode n = JSON.readTree(B64D.decode(part));
      if (n == null || !n.isObject()) throw new InvalidTokenException("malformed " + what);
      return n;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new InvalidTokenException("malformed " + what);
    }
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message);
    }
  }
}
