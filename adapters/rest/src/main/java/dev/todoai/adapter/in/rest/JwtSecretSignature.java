package dev.todoai.adapter.in.rest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;

/**
 * Lets micronaut-security-jwt accept HMAC-signed tokens (HS256/384/512) made with {@code
 * todo.auth.jwt-secret}: ours and those of a front end that shares the secret. Unsigned ({@code
 * alg: none}) tokens are refused because a signature configuration exists.
 */
@Singleton
final class JwtSecretSignature implements SignatureConfiguration {
  private final MACVerifier verifier;

  JwtSecretSignature(JwtSettings settings) throws JOSEException {
    this.verifier = new MACVerifier(settings.secret());
  }

  @Override
  public String supportedAlgorithmsMessage() {
    return "Only the HS256, HS384 and HS512 algorithms are supported for HMAC signatures";
  }

  @Override
  public boolean supports(JWSAlgorithm algorithm) {
    return algorithm != null && MACVerifier.SUPPORTED_ALGORITHMS.contains(algorithm);
  }

  @Override
  public boolean verify(SignedJWT jwt) throws JOSEException {
    return supports(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
  }

  @Override
  public String toString() {
    return "JwtSecretSignature[todo.auth.jwt-secret]";
  }
}
