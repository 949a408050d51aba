package org.maqd.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class MethodVectorsCopyTest {
    @Test
    void classpathCopyMatchesSharedFileWhenPresent() throws Exception {
        assumeTrue(Files.exists(MethodVectors.SHARED), "shared method-vectors.json not beside the project");
        ObjectMapper om = new ObjectMapper();
        assertEquals(om.readTree(MethodVectors.SHARED.toFile()), MethodVectors.root(),
                "src/test/resources/method-vectors.json differs from " + MethodVectors.SHARED);
    }
}
