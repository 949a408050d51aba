package org.maqd.tensor.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import jdk.incubator.vector.Vector;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks on a kernel class's bytecode (read with javap) for the two properties that make a Vector API kernel's
 * compiled form independent of its callers and of compile order (see {@link PlaneAffine}): each named entry's
 * bytecode is longer than C2's FreqInlineSize (325 bytes), so C2 never inlines it and always compiles it as its
 * own root; it calls nothing but the Vector API; and no method of the class takes or returns a vector, so no
 * vector crosses a call that C2 might leave out of line.
 */
public final class KernelBytecode {
    private KernelBytecode() {}

    static final int FREQ_INLINE_SIZE = 325;

    public static void assertOwnRootsCallingOnlyTheVectorApi(Class<?> k, String... entries) {
        Optional<ToolProvider> javap = ToolProvider.findFirst("javap");
        Assumptions.assumeTrue(javap.isPresent(), "javap not in this runtime");
        StringWriter out = new StringWriter();
        String cp = k.getProtectionDomain().getCodeSource().getLocation().getPath();
        int rc = javap.get().run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp", cp, k.getName());
        assertEquals(0, rc, out.toString());
        Map<String, List<String>> code = methods(out.toString());
        for (String name : entries) {
            List<String> body = code.get(name);
            assertNotNull(body, name + " not found");
            int length = codeLength(body);
            assertTrue(length > FREQ_INLINE_SIZE, k.getSimpleName() + "." + name + " has " + length
                    + " bytes of bytecode: C2 may inline it into its callers (FreqInlineSize " + FREQ_INLINE_SIZE + ")");
            for (String line : body) {
                if (line.contains("invoke")) {
                    assertTrue(line.contains("jdk/incubator/vector/"),
                            k.getSimpleName() + "." + name + " calls something other than the Vector API: " + line.trim());
                }
            }
        }
        for (Method m : k.getDeclaredMethods()) {
            assertFalse(Vector.class.isAssignableFrom(m.getReturnType()), m + " returns a vector");
            for (Class<?> p : m.getParameterTypes()) assertFalse(Vector.class.isAssignableFrom(p), m + " takes a vector");
        }
    }

    /** javap -c output: method name to its code lines (an overloaded name keeps its last body). */
    private static Map<String, List<String>> methods(String javap) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        Pattern head = Pattern.compile("^  \\S.*?\\s(\\w+)\\(.*\\);$");
        List<String> cur = null;
        for (String line : javap.split("\n")) {
            Matcher h = head.matcher(line);
            if (h.matches()) {
                cur = new ArrayList<>();
                m.put(h.group(1), cur);
            } else if (line.startsWith("  ") && !line.startsWith("   ")) {
                cur = null;                                     // another member (a field, static {})
            } else if (cur != null) {
                cur.add(line);
            }
        }
        return m;
    }

    /** One past the offset of the last instruction (a return: one byte). */
    private static int codeLength(List<String> body) {
        Pattern insn = Pattern.compile("^\\s+(\\d+): [a-z].*");
        int last = -1;
        for (String line : body) {
            Matcher im = insn.matcher(line);
            if (im.matches()) last = Integer.parseInt(im.group(1));
        }
        return last + 1;
    }
}
