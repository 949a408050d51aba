package org.maqd.experiment.ptq;

import org.maqd.run.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maqd.experiment.ExperimentException;
import org.maqd.experiment.RunFolder;
import org.maqd.model.FloatNetwork;
import org.maqd.model.LayerKinds;
import org.maqd.model.LayerSpec;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.model.QuantBlock;
import org.maqd.nn.Conv2d;
import org.maqd.nn.Layer;
import org.maqd.nn.Linear;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.quant.QuantError;
import org.maqd.quant.ptq.AffineQuantizer;
import org.maqd.quant.ptq.Calibrator;
import org.maqd.tensor.Parallel;
import org.maqd.tensor.Tensor;

/**
 * A trained float model prepared for post-training quantization. The run's network is rebuilt without weight
 * standardization and loaded with its <em>effective</em> weights (standardized when the run used WS), so it
 * computes exactly what the trained model computes while its weights can be replaced by fake-quantized ones.
 * Weight sites know their role: the first block and the classifier take their own number of states.
 */
public final class PtqModel {
    /** One weight tensor: the parameter the network computes with and its float values. */
    private record Site(String name, Param weight, Tensor original, Role role) {}

    /** Which states a weight site takes. */
    enum Role { FIRST, HIDDEN, OUTPUT }

    private final Network network;
    private final List<Site> sites = new ArrayList<>();

    private PtqModel(Network network) { this.network = network; }

    /** Loads the model of a finished run; it must be float (0 weight and activation states everywhere). */
    public static PtqModel load(Path runDir, Parallel par) {
        NetworkSpec spec = RunFolder.modelSpec(runDir);
        List<LayerSpec> layers = spec.all();
        FloatNetwork.Quantized q = FloatNetwork.firstQuantized(spec);
        if (q != null) {
            throw new ExperimentException(runDir.resolve(RunFiles.MODEL_JSON) + ": field '" + q.path() + "' is " + q.states()
                    + "; post-training quantization takes a float model (" + (q.field().equals("weightStates")
                    ? "weightStates 0" : "ReLU, activationStates 0") + " in every layer)");
        }
        Network trained = RunFolder.loadNetwork(runDir, par);
        List<LayerSpec> plain = new ArrayList<>();
        for (LayerSpec l : layers) plain.add(LayerKinds.isWeighted(l.type()) ? l.withWeightStandardization(false) : l);
        int[] input = spec.input().stream().mapToInt(Integer::intValue).toArray();
        NetworkSpec plainSpec = spec.isGraph() ? spec.withNodes(plain) : spec.withLayers(plain);
        Network net = NetworkBuilder.build(plainSpec, input, spec.outputUnits(), par, 0L);
        net.loadStateDict(trained.stateDict(), runDir.resolve(org.maqd.run.RunFiles.MODEL_WEIGHTS).toString());
        PtqModel m = new PtqModel(net);
        List<QuantBlock> from = new ArrayList<>(), to = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean firstSeen = false;
        for (int i = 0; i < trained.layers().size(); i++) {
            if (!(trained.layers().get(i) instanceof QuantBlock qb)) continue;
            roles.add(qb.activation() == null && i == trained.layers().size() - 1 ? Role.OUTPUT
                    : !firstSeen ? Role.FIRST : Role.HIDDEN);
            firstSeen = true;
            from.add(qb);
            to.add((QuantBlock) net.layers().get(i));
            names.add(trained.probeName(i));
        }
        for (int k = 0; k < from.size(); k++) {
            QuantBlock src = from.get(k);
            Param latent = weight(src.op()), dst = weight(to.get(k).op());
            Tensor eff = src.weights() == null ? latent.value : src.weights().forward(latent.value, Mode.EVAL);
            dst.value.copyFrom(eff);
            m.sites.add(new Site(names.get(k), dst, dst.value.copy(), roles.get(k)));
        }
        return m;
    }

    private static Param weight(Layer op) {
        if (op instanceof Linear l) return l.weight();
        if (op instanceof Conv2d c) return c.weight();
        throw new IllegalStateException("post-training quantization: unexpected block operation " + op.kind());
    }

    public Network network() { return network; }

    /** Number of weight tensors (blocks, including those inside residual blocks). */
    public int weightSites() { return sites.size(); }

    /** Copies of the weights the network computes with now (e.g. quantized ones, for {@link #useWeights}). */
    Tensor[] currentWeights() {
        return sites.stream().map(s -> s.weight().value.copy()).toArray(Tensor[]::new);
    }

    /** Computes with {@code weights} (from {@link #currentWeights}) until the next change. */
    void useWeights(Tensor[] weights) {
        for (int k = 0; k < sites.size(); k++) sites.get(k).weight().value.copyFrom(weights[k]);
    }

    /** Puts the float weights back. */
    public void restoreFloat() {
        for (Site s : sites) s.weight().value.copyFrom(s.original());
    }

    /** The weight sites' names, in network order ("1:linear", "3:output", "2:residual.conv1", …). */
    public List<String> weightNames() {
        return sites.stream().map(Site::name).toList();
    }

    /**
     * Replaces every weight by its fake quantization, symmetric or asymmetric, per output channel or per tensor,
     * with the range chosen by {@code calibration} over the weight's own values. The first block takes
     * {@code firstStates}, the classifier {@code outputStates}, every other block {@code hiddenStates}; 0 states
     * keeps a weight float. Returns, per site, its states and the SQNR (dB) of its quantized weights.
     */
    public List<PtqLayerError> quantizeWeights(int hiddenStates, int firstStates, int outputStates, String calibration,
                                               boolean symmetric, boolean perChannel, double percentile) {
        List<PtqLayerError> out = new ArrayList<>();
        for (Site s : sites) {
            int states = switch (s.role()) {
                case FIRST -> firstStates;
                case OUTPUT -> outputStates;
                case HIDDEN -> hiddenStates;
            };
            if (states == 0) {
                s.weight().value.copyFrom(s.original());
                out.add(new PtqLayerError(s.name(), PtqLayerError.WEIGHTS, 0, Double.POSITIVE_INFINITY, Double.NaN));
                continue;
            }
            Calibrator c = Calibrator.create(calibration, states, symmetric, perChannel ? 0 : -1,
                    "percentile".equals(calibration) ? percentile : 0);
            c.observe(s.original());
            AffineQuantizer q = c.finish();
            q.quantizeDequantize(s.original(), s.weight().value);
            double sqnr = QuantError.sqnrDb(s.original(), s.weight().value);
            out.add(new PtqLayerError(s.name(), PtqLayerError.WEIGHTS, states, sqnr, Double.NaN));
        }
        return out;
    }
}
