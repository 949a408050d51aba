package org.maqd.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.CharacterCodingException;
import java.util.stream.Collectors;

/**
 * The one place a JSON reading error becomes the sentence a user reads: the file, the field or position, what was
 * expected and what was found, in the project's words rather than the parser's (no class names, no "[Source: …]",
 * no coercion settings). Experiment, run and report files all go through it.
 */
public final class JsonErrors {
    private JsonErrors() {}

    /** {@code source: …} for a parse or mapping error. */
    public static String describe(JsonProcessingException ex, String source) {
        String loc = ex.getLocation() == null ? "" :
                " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
        if (ex instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return source + ": unknown field '" + path(u) + "'" + loc + "; expected one of: " + known;
        }
        if (ex instanceof InvalidFormatException f) {
            return source + ": field '" + path(f) + "'" + loc + ": expected " + typeName(f.getTargetType())
                    + ", got " + quote(f.getValue());
        }
        if (ex instanceof MismatchedInputException m) {
            String p = path(m), found = found(m);
            return source + ": field '" + (p.isEmpty() ? "<root>" : p) + "'" + loc + ": expected "
                    + typeName(m.getTargetType()) + (found != null ? ", got " + found : "; " + plain(m.getOriginalMessage()));
        }
        if (ex instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return source + ": field '" + path(m) + "'" + loc + ": " + plain(m.getOriginalMessage());
        }
        return source + ": malformed JSON" + loc + ": " + plain(ex.getOriginalMessage());
    }

    /** {@code source: …} for a file whose bytes are not UTF-8 text. */
    public static String notText(CharacterCodingException ex, String source) {
        return source + ": not a text file (expected JSON text in UTF-8; its bytes are not valid UTF-8)";
    }

    /** The parser's message in plain words: its first line, without source locations, character codes or settings. */
    static String plain(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String m = (nl < 0 ? s : s.substring(0, nl))
                .replaceAll(" ?\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)", "")
                .replaceAll(" ?\\[Source:[^\\]]*\\]", "")
                .replaceAll("\\('(.{1,4})' \\(code \\d+\\)\\)", "'$1'")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll(" ?\\(but might if [^)]*\\)", "")
                .replaceAll("`java\\.lang\\.(\\w+)`", "$1")
                .replaceAll("Numeric value \\((.+?)\\) out of range of \\w+ \\((-?\\d+) - (-?\\d+)\\)",
                        "the number $1 is out of range (from $2 to $3)")
                .strip();
        if (m.startsWith("Non-standard token")) {
            return m.replaceAll("^Non-standard token '([^']*)'.*", "'$1' is not a JSON number; expected a finite number");
        }
        if (m.contains("ALLOW_COMMENTS")) return m.replaceAll("^(Unexpected character '[^']*').*", "$1: comments are not allowed in JSON");
        if (m.contains("CTRL-CHAR")) {
            return "a control character (a tab, a line break) inside a string; write it escaped (\\t, \\n) or remove it";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            String what = m.contains("Object") ? ": an object '{' is not closed" : m.contains("Array") ? ": a list '[' is not closed" : "";
            return "the text ends before the JSON is complete" + what;
        }
        return m;
    }

    private static final java.util.regex.Pattern COERCE = java.util.regex.Pattern.compile("^Cannot coerce \\w+ value \\((.*?)\\) to ");
    private static final java.util.regex.Pattern FROM = java.util.regex.Pattern.compile("^Cannot deserialize value of type `[^`]*` from ([\\w-]+) value");

    /** The offending value as the file has it, where the parser still holds it; null when unknown. */
    private static String found(MismatchedInputException m) {
        String msg = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
        java.util.regex.Matcher coerce = COERCE.matcher(msg);
        if (coerce.find()) return coerce.group(1);
        java.util.regex.Matcher from = FROM.matcher(msg);
        if (from.find()) {
            return switch (from.group(1)) {
                case "Array" -> "a list";
                case "Object" -> "an object";
                case "Boolean" -> msg.contains("VALUE_FALSE") ? "false" : msg.contains("VALUE_TRUE") ? "true" : "true or false";
                case "Floating-point" -> "a number with a fraction";
                default -> null;
            };
        }
        if (!(m.getProcessor() instanceof JsonParser p)) return null;
        JsonToken t = p.currentToken();
        if (t == null) return null;
        try {
            return switch (t) {
                case VALUE_STRING -> "\"" + p.getText() + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                default -> null;
            };
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "a value";
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "an integer";
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t == String.class) return "a string";
        if (java.util.List.class.isAssignableFrom(t) || t.isArray()) return "a list";
        if (java.util.Map.class.isAssignableFrom(t)) return "an object";
        if (t.isRecord() || !t.isPrimitive()) return "an object";
        return "a value";
    }

    private static String quote(Object v) { return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v); }
}
