package org.maqd.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.ExperimentIO;

/**
 * A malformed experiment file is reported in the project's words: the file, the field or position, what was
 * expected and what was found; none of the parser's internals (its source-location text, character codes, class
 * names or coercion settings).
 */
class JsonErrorsTest {
    private static final String[] JARGON = {"[Source", "REDACTED", "StreamReadFeature", "CoercionConfig", "java.lang",
            "(code ", "Cannot coerce", "Input length", "JsonReadFeature", "ALLOW_", "CTRL-CHAR", "JsonToken"};

    private static String message(Path dir, String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        String m = assertThrows(ExperimentException.class, () -> ExperimentIO.read(f)).getMessage();
        assertTrue(m.startsWith(f.toString() + ": "), m);
        for (String j : JARGON) assertFalse(m.contains(j), "'" + j + "' in: " + m);
        return m;
    }

    @Test
    void aTruncatedFileSaysTheTextEndsBeforeAnObjectIsClosed(@TempDir Path dir) throws Exception {
        String m = message(dir, "truncated.json",
                "{ \"name\": \"broken\", \"network\": { \"layers\": [ {\"type\": \"linear\", \"units\": 12 ".getBytes());
        assertTrue(m.contains("(line 1, column 77)") && m.contains("ends before the JSON is complete: an object '{' is not closed"), m);
    }

    @Test
    void aStringWhereANumberBelongsNamesTheFieldTheTypeAndTheValue(@TempDir Path dir) throws Exception {
        String json = ExperimentIO.toJson(org.maqd.ui.vm.Templates.quickstart())
                .replaceFirst("\"weightStates\" ?: ?\\d+", "\"weightStates\": \"three\"");
        assertTrue(json.contains("\"three\""), json);
        String m = message(dir, "wrongtype.json", json.getBytes());
        assertTrue(m.contains("weightStates'") && m.contains("expected an integer, got \"three\""), m);
    }

    @Test
    void anUnexpectedCharacterIsQuotedWithoutItsCode(@TempDir Path dir) throws Exception {
        String m = message(dir, "char.json", "{\"seed\": 1,, }".getBytes());
        assertTrue(m.contains("malformed JSON (line 1, column") && m.contains("Unexpected character ','"), m);
    }

    @Test
    void bytesThatAreNotTextSayTheFileIsNotText(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[64];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = (byte) 0xC3;
        junk[1] = (byte) 0x28;   // not valid UTF-8
        String m = message(dir, "garbage.json", junk);
        assertTrue(m.contains("not a text file"), m);
    }

    @Test
    void aNumberTooLargeForTheFieldSaysSoInWords(@TempDir Path dir) throws Exception {
        String json = ExperimentIO.toJson(org.maqd.ui.vm.Templates.quickstart()).replaceFirst("\"epochs\" ?: ?\\d+", "\"epochs\": 1000000000000");
        String m = message(dir, "big.json", json.getBytes());
        assertTrue(m.contains("epochs") && m.contains("the number 1000000000000 is out of range (from -2147483648 to 2147483647)"), m);
        assertFalse(m.contains("Numeric value"), m);
    }

    @Test
    void nanCommentsControlCharactersAndBooleansAreNamedPlainly(@TempDir Path dir) throws Exception {
        String json = ExperimentIO.toJson(org.maqd.ui.vm.Templates.quickstart());
        String m = message(dir, "nan.json", json.replaceFirst("\"learningRate\" ?: ?[0-9.eE-]+", "\"learningRate\": NaN").getBytes());
        assertTrue(m.contains("'NaN' is not a JSON number; expected a finite number"), m);
        m = message(dir, "comment.json", ("// my experiment\n" + json).getBytes());
        assertTrue(m.contains("comments are not allowed in JSON"), m);
        m = message(dir, "tab.json", json.replaceFirst("\"name\" ?: ?\"", "\"name\": \"a\tb").getBytes());
        assertTrue(m.contains("a control character"), m);
        m = message(dir, "bool.json", json.replaceFirst("\"epochs\" ?: ?\\d+", "\"epochs\": true").getBytes());
        assertTrue(m.contains("expected an integer, got true"), m);
    }

    @Test
    void plainRemovesTheParsersLocationsAndCodes() {
        assertEquals("Unexpected character ',': was expecting double-quote to start field name",
                JsonErrors.plain("Unexpected character (',' (code 44)): was expecting double-quote to start field name"));
        assertEquals("the text ends before the JSON is complete: an object '{' is not closed",
                JsonErrors.plain("Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED "
                        + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"));
    }
}
