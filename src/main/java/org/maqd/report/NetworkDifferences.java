package org.maqd.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences between runs' networks told per layer, not per raw path. Runs whose networks differ in structure
 * (a graph against a chain, another number of layers) get one row, {@value #STRUCTURE}: "chain, 4 layers" against
 * "graph, 14 nodes"; their per-layer paths are left out, since layer 3 of one is not layer 3 of the other. Runs of
 * the same structure keep their per-layer rows, but a layer whose kind differs is its one row
 * ("network.layers[2].type": linear against conv2d) rather than a row for each field of two unlike layers. At most
 * {@value #MAX_LAYER_ROWS} per-layer rows are kept; the rest are counted in one row, {@value #MORE}.
 */
final class NetworkDifferences {
    /** The row of a structure difference. */
    static final String STRUCTURE = "network";
    /** The row counting per-layer differences beyond {@link #MAX_LAYER_ROWS}. */
    static final String MORE = "network.layers[…]";
    static final int MAX_LAYER_ROWS = 8;
    private static final Pattern LAYER = Pattern.compile("network\\.(layers|nodes)\\[(\\d+)](?:\\.(.*))?");

    private NetworkDifferences() {}

    /** {@code differing} (setting → value per run, in order) with its per-layer rows told as above. */
    static Map<String, List<String>> told(List<Map<String, String>> runs, Map<String, List<String>> differing) {
        List<String> shapes = new ArrayList<>();
        for (Map<String, String> r : runs) shapes.add(shape(r));
        boolean sameShape = shapes.stream().distinct().count() == 1;
        Map<String, List<String>> out = new LinkedHashMap<>();
        int layerRows = 0, hidden = 0;
        for (var e : differing.entrySet()) {
            Matcher m = LAYER.matcher(e.getKey());
            if (!m.matches()) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            if (!sameShape) {
                out.putIfAbsent(STRUCTURE, shapes);
                continue;
            }
            String type = "network." + m.group(1) + "[" + m.group(2) + "].type";
            if (!"type".equals(m.group(3)) && differing.containsKey(type)) continue;   // told by the layer's kind
            if (layerRows < MAX_LAYER_ROWS) {
                out.put(e.getKey(), e.getValue());
                layerRows++;
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            List<String> more = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) more.add("+" + hidden + " more");
            out.put(MORE, more);
        }
        return out;
    }

    /** "chain, 4 layers", "graph, 14 nodes", or "–" for a run without a network. */
    static String shape(Map<String, String> run) {
        TreeSet<Integer> layers = new TreeSet<>(), nodes = new TreeSet<>();
        for (String k : run.keySet()) {
            Matcher m = LAYER.matcher(k);
            if (m.matches()) (m.group(1).equals("layers") ? layers : nodes).add(Integer.parseInt(m.group(2)));
        }
        if (!nodes.isEmpty()) return "graph, " + nodes.size() + " nodes";
        if (!layers.isEmpty()) return "chain, " + layers.size() + " layers";
        return "–";
    }
}
