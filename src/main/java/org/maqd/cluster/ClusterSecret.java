package org.maqd.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.maqd.experiment.ExperimentException;

/**
 * The cluster's shared secret: HMAC-SHA256 signs every message (trial, checkpoint, result) as
 * {@code mac(32 bytes) ‖ payload}, and the cluster name is derived from it, so members with another secret form
 * another cluster (Hazelcast refuses a join with a different cluster name). Hazelcast's open-source edition has
 * no authentication or encryption of its own: this keeps strangers and mistakes out, not an attacker who can
 * read the traffic; the cluster belongs on a trusted network.
 */
public final class ClusterSecret {
    private static final int MAC_BYTES = 32;
    private final byte[] key;

    public ClusterSecret(byte[] key) {
        if (key.length < 16) throw new ExperimentException("cluster secret: expected at least 16 bytes, got " + key.length);
        this.key = key.clone();
    }

    /** The secret in {@code file} (its bytes, trailing line breaks removed). */
    public static ClusterSecret read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (s.length() < 16) throw new ExperimentException(file + ": the cluster secret must have at least 16 characters, found " + s.length());
            return new ClusterSecret(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExperimentException(file + ": cannot read the cluster secret: " + e.getMessage(), e);
        }
    }

    /** The Hazelcast cluster name for this secret. */
    public String clusterName() {
        return "maqd-" + HexFormat.of().formatHex(mac("maqd cluster name".getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    public byte[] sign(byte[] payload) {
        byte[] out = Arrays.copyOf(mac(payload), MAC_BYTES + payload.length);
        System.arraycopy(payload, 0, out, MAC_BYTES, payload.length);
        return out;
    }

    /** The payload of a signed message, or a {@link SecurityException} when it was not signed with this secret. */
    public byte[] open(byte[] signed, String what) {
        if (signed == null || signed.length < MAC_BYTES) throw new SecurityException(what + ": not a signed message");
        byte[] payload = Arrays.copyOfRange(signed, MAC_BYTES, signed.length);
        if (!MessageDigest.isEqual(mac(payload), Arrays.copyOf(signed, MAC_BYTES))) {
            throw new SecurityException(what + ": signature does not match the cluster secret; refused");
        }
        return payload;
    }

    private byte[] mac(byte[] data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
