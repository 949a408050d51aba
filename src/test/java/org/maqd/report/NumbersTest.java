package org.maqd.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cells as a report shows them: numbers to four significant digits, text (a commit hash among it) unchanged. */
class NumbersTest {
    @Test
    void numbersAreShortenedAndCommitHashesStayText() {
        assertEquals("0.9451", Numbers.forPeople("0.9451097804391217"));
        assertEquals("7.902e-05", Numbers.forPeople("7.90234E-5"));
        assertEquals("100000", Numbers.forPeople("1e5"));
        // a short hash that parses as a number: a run report showed git revision 0640e88 as 6.4e+90
        for (String hash : List.of("0640e88", "1234e56", "4f923b3", "0640e88a1b2c3d4e5f60718293a4b5c6d7e8f901")) {
            assertEquals(hash, Numbers.forPeople(hash), hash);
            assertTrue(Double.isNaN(Numbers.num(hash)), hash + " is not right-aligned as a number");
        }
        assertEquals(1234567.0, Numbers.num("1234567"), "digits alone are a number");
    }
}
