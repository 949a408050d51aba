package org.maqd.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The segments of a lock path: names between dots, and each bracket's content as one segment, dots included, so
 * that "network.nodes[s1.b1.conv2].weightStates" is [network, nodes, s1.b1.conv2, weightStates] and
 * "network.layers[2].norm" is [network, layers, 2, norm]. A graph's node is addressed by its id (or its position,
 * or *), a chain's layer by its position (or *).
 */
public final class LockPath {
    private LockPath() {}

    /** The path's segments; an unclosed bracket leaves its rest as one segment. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        String p = path.trim();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                out.add(cur.toString());
                cur.setLength(0);
                i++;
            } else if (c == '[') {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                int end = p.indexOf(']', i);
                out.add(p.substring(i + 1, end < 0 ? p.length() : end));
                i = end < 0 ? p.length() : end + 1;
                if (i < p.length() && p.charAt(i) == '.') i++;
                else if (i >= p.length()) return out;
            } else {
                cur.append(c);
                i++;
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The path of field {@code field} of a graph's node {@code id}. */
    public static String node(String id, String field) { return "network.nodes[" + id + "]." + field; }

    /** The path of field {@code field} of a chain's layer at {@code index}. */
    public static String layer(int index, String field) { return "network.layers[" + index + "]." + field; }
}
