package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `maqd bench` refuses options it cannot honour with exit 2 and a reason, before measuring anything. */
class BenchOptionsTest {
    @Test
    void aThreadCountBelowOneIsBadInput() {
        CliCapture.Result r = CliCapture.run("bench", "--threads", "-1", "--only", "mlp_b4", "--quick");
        assertEquals(MaqdCommand.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--threads -1") && r.err().contains("at least 1"), r.err());
    }

    @Test
    void aCaseNameThatSelectsNothingListsTheCases() {
        CliCapture.Result r = CliCapture.run("bench", "--only", "nothing");
        assertEquals(MaqdCommand.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("mlp_b64") && r.err().contains("gemm_256x784x256") && r.err().contains("inference"), r.err());
    }
}
