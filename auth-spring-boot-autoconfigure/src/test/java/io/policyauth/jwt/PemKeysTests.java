package io.policyauth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.Key;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PemKeysTests {

    @Test
    void readsRsaAndEcPublicKeys() {
        assertThat(PemKeys.readPublicKey(pem("PUBLIC KEY", TestKeys.RSA.getPublic())))
                .isEqualTo(TestKeys.RSA.getPublic());
        assertThat(PemKeys.readPublicKey("comment line\n" + pem("PUBLIC KEY", TestKeys.EC.getPublic())))
                .isEqualTo(TestKeys.EC.getPublic());
    }

    @Test
    void readsRsaAndEcPrivateKeys() {
        assertThat(PemKeys.readPrivateKey(pem("PRIVATE KEY", TestKeys.RSA.getPrivate())))
                .isEqualTo(TestKeys.RSA.getPrivate());
        assertThat(PemKeys.readPrivateKey(pem("PRIVATE KEY", TestKeys.EC.getPrivate())))
                .isEqualTo(TestKeys.EC.getPrivate());
    }

    @Test
    void derivesTheRsaPublicKey() {
        assertThat(PemKeys.derivePublicKey(TestKeys.RSA.getPrivate())).contains(TestKeys.RSA.getPublic());
        assertThat(PemKeys.derivePublicKey(TestKeys.EC.getPrivate())).isEmpty();
    }

    @Test
    void explainsBadPemWithoutEchoingKeyMaterial() {
        String body = Base64.getMimeEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PemKeys.readPrivateKey("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----"))
                .withMessageNotContaining(body).withMessageContaining("PRIVATE KEY");
        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.readPublicKey("not a pem"))
                .withMessageContaining("BEGIN PUBLIC KEY");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PemKeys.readPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"))
                .withMessageContaining("RSA PRIVATE KEY").withMessageNotContaining("AAAA");
        assertThatIllegalArgumentException().isThrownBy(() -> PemKeys.readPrivateKey(pem("PUBLIC KEY", TestKeys.RSA.getPublic())))
                .withMessageContaining("BEGIN PRIVATE KEY");
    }

    static String pem(String type, Key key) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }
}
