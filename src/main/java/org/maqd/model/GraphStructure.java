package org.maqd.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structure of a graph's node list, checked once for both of its readers: the ids and types, the wiring
 * (number of inputs, unknown or self inputs), exactly one output node that feeds nothing, no cycle, every node
 * leading to the output; and the topological order (file order wherever the graph allows it). Every problem is
 * kept with the node it belongs to, so {@link NetworkGraph#sorted} throws the first one and {@link GraphDraft}
 * shows each on its node.
 */
final class GraphStructure {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    /**
     * One problem. {@code rank} orders the checks (ids and types, wiring, output count, output feeding a node,
     * cycles, unused nodes); {@code node} is the node the field names (−1 for the whole list) and {@code marked} the
     * node a drawing shows it on (−1 for none).
     */
    record Problem(int rank, int node, int marked, String field, String message, GraphDraft.Issue issue) {}

    final List<LayerSpec> nodes;
    /** Node index by id (the first node of a duplicated id). */
    final Map<String, Integer> at = new HashMap<>();
    /** Nodes that take each node's result, by index. */
    final List<List<Integer>> users = new ArrayList<>();
    /** Indices in topological order; nodes on or after a cycle are missing. */
    final List<Integer> order = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    /** Nodes with a well-formed, unique id and a known type (the others are not wired). */
    private final boolean[] named;

    private GraphStructure(List<LayerSpec> nodes) {
        this.nodes = nodes;
        this.named = new boolean[nodes.size()];
    }

    static GraphStructure of(List<LayerSpec> nodes) {
        GraphStructure s = new GraphStructure(nodes);
        s.checkIdsAndTypes();
        int[] pending = s.wire();
        boolean[] named = s.named;
        s.checkOutput();
        boolean[] done = s.sort(pending);
        for (int i = 0; i < nodes.size(); i++) {
            if (!done[i] && named[i]) {
                s.problems.add(new Problem(4, i, i, "network.nodes[" + i + "].inputs", "node " + nodes.get(i).id()
                        + ": its inputs form a cycle" + cycle(nodes, s.users, done, i), GraphDraft.Issue.CYCLE));
            }
        }
        s.checkUnused();
        return s;
    }

    /** The problem {@link NetworkGraph#sorted} reports: the first check that fails, at its first node. */
    Problem first() {
        return problems.stream().min(Comparator.comparingInt(Problem::rank).thenComparingInt(Problem::node)).orElse(null);
    }

    private void checkIdsAndTypes() {
        for (int i = 0; i < nodes.size(); i++) {
            users.add(new ArrayList<>());
            LayerSpec n = nodes.get(i);
            String f = "network.nodes[" + i + "]";
            if (n == null) {
                problems.add(new Problem(0, i, i, f, f + ": expected a node object, got null", GraphDraft.Issue.OTHER));
            } else if (n.id() == null || !ID.matcher(n.id()).matches() || NetworkSpec.INPUT.equals(n.id())) {
                problems.add(new Problem(0, i, i, f + ".id", f + ": expected an id of letters, digits, '_', '.' or '-' (not \""
                        + NetworkSpec.INPUT + "\"), got " + (n.id() == null ? "none" : "\"" + n.id() + "\""), GraphDraft.Issue.OTHER));
            } else if (at.putIfAbsent(n.id(), i) != null) {
                problems.add(new Problem(0, i, i, f + ".id", "node " + n.id() + ": the id is used twice", GraphDraft.Issue.OTHER));
            } else if (LayerKinds.find(n.type()) == null) {
                problems.add(new Problem(0, i, i, f + ".type", "node " + n.id() + ": type expected one of " + LayerKinds.names()
                        + ", got " + (n.type() == null ? "none" : "\"" + n.type() + "\""), GraphDraft.Issue.OTHER));
            } else {
                named[i] = true;
            }
        }
    }

    /** Records the wires between well-named nodes; returns each node's number of node inputs. */
    private int[] wire() {
        int[] pending = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            if (!named[i]) continue;
            LayerSpec n = nodes.get(i);
            LayerKind k = LayerKinds.get(n.type());
            List<String> in = n.inputs() == null ? List.of() : n.inputs();
            String f = "network.nodes[" + i + "].inputs";
            if (in.isEmpty() && k.minInputs() > 0) {
                problems.add(new Problem(1, i, i, f, notConnected(n), GraphDraft.Issue.MISSING_INPUT));
            } else if (in.size() < k.minInputs() || in.size() > k.maxInputs()) {
                String want = k.maxInputs() == 1 ? "1 input" : "at least " + k.minInputs() + " inputs";
                problems.add(new Problem(1, i, i, f, "node " + n.id() + " (" + n.type() + "): needs " + want + ", has " + in.size(),
                        in.size() > k.maxInputs() ? GraphDraft.Issue.PORT_FULL : GraphDraft.Issue.MISSING_INPUT));
            }
            for (int p = 0; p < in.size(); p++) {
                String src = in.get(p);
                if (NetworkSpec.INPUT.equals(src)) continue;
                Integer j = at.get(src);
                if (j != null && !named[j]) continue;   // a node with a bad type: its own problem shows there
                if (j == null) {
                    problems.add(new Problem(1, i, i, f, "node " + n.id() + ", input " + (p + 1) + ": no node has the id "
                            + (src == null ? "null" : "\"" + src + "\"") + " (ids: \"input\" or a node's id)", GraphDraft.Issue.UNKNOWN_INPUT));
                } else if (j == i) {
                    problems.add(new Problem(1, i, i, f, "node " + n.id() + ", input " + (p + 1) + ": a node cannot be its own input",
                            GraphDraft.Issue.CYCLE));
                } else {
                    pending[i]++;
                    users.get(j).add(i);
                }
            }
        }
        return pending;
    }

    /** A node with no input wired into it: said as such (not as a count of inputs, nor as a shape it lacks). */
    static String notConnected(LayerSpec n) {
        return "node " + n.id() + " (" + n.type() + "): not connected — no input is wired into it";
    }

    private void checkOutput() {
        List<Integer> outputs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) if (nodes.get(i) != null && LayerKinds.isOutput(nodes.get(i).type())) outputs.add(i);
        if (outputs.size() != 1) {
            problems.add(new Problem(2, -1, -1, "network.nodes", "expected exactly one node of type 'output' (the classifier), found "
                    + outputs.size(), GraphDraft.Issue.NONE));
        }
        for (int o : outputs) {
            if (users.get(o).isEmpty()) continue;
            int u = users.get(o).get(0);
            problems.add(new Problem(3, o, u, "network.nodes[" + o + "]", "node " + nodes.get(o).id()
                    + ": the output node's logits cannot feed node " + nodes.get(u).id(), GraphDraft.Issue.OTHER));
        }
    }

    /** Kahn's order, always taking the first ready node in file order; returns which nodes were sorted. */
    private boolean[] sort(int[] pending) {
        boolean[] done = new boolean[nodes.size()];
        for (boolean progress = true; progress; ) {
            progress = false;
            for (int i = 0; i < nodes.size(); i++) {
                if (done[i] || pending[i] > 0 || !named[i]) continue;
                done[i] = progress = true;
                order.add(i);
                for (int u : users.get(i)) pending[u]--;
                break;   // restart from the first node: file order wherever the graph allows it
            }
        }
        return done;
    }

    /** Nodes whose result reaches no output node (only when there is an output node to reach). */
    private void checkUnused() {
        int size = nodes.size();
        boolean[] reaches = new boolean[size];
        boolean any = false;
        for (int i = 0; i < size; i++) {
            if (nodes.get(i) != null && LayerKinds.isOutput(nodes.get(i).type())) reaches[i] = any = true;
        }
        if (!any) return;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < size; i++) {
                if (reaches[i]) continue;
                for (int u : users.get(i)) if (reaches[u]) { reaches[i] = changed = true; break; }
            }
        }
        for (int i = 0; i < size; i++) {
            if (!reaches[i] && named[i]) {
                problems.add(new Problem(5, i, i, "network.nodes[" + i + "]", "node " + nodes.get(i).id()
                        + ": unused (its result does not lead to the output node)", GraphDraft.Issue.UNUSED));
            }
        }
    }

    /** " (a → b → a)": a cycle through node i among the nodes not sorted. */
    private static String cycle(List<LayerSpec> nodes, List<List<Integer>> users, boolean[] done, int start) {
        List<Integer> path = new ArrayList<>();
        int[] seenAt = new int[nodes.size()];
        Arrays.fill(seenAt, -1);
        int i = start;
        while (seenAt[i] < 0) {
            seenAt[i] = path.size();
            path.add(i);
            int next = -1;
            for (int u : users.get(i)) if (!done[u]) { next = u; break; }
            if (next < 0) return "";
            i = next;
        }
        StringBuilder sb = new StringBuilder(" (");
        for (int k = seenAt[i]; k < path.size(); k++) sb.append(nodes.get(path.get(k)).id()).append(" → ");
        return sb.append(nodes.get(i).id()).append(')').toString();
    }
}
