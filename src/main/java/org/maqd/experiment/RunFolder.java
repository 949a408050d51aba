package org.maqd.experiment;

import org.maqd.data.DataSplit;
import org.maqd.data.Datasets;
import org.maqd.run.RunFiles;
import org.maqd.run.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.maqd.model.LayerSpec;
import org.maqd.model.ModelFormatException;
import org.maqd.model.Network;
import org.maqd.model.NetworkBuilder;
import org.maqd.model.NetworkSpec;
import org.maqd.model.Safetensors;
import org.maqd.tensor.Parallel;

/**
 * Reads a run folder back: the resolved experiment, the summary, and the trained network rebuilt from
 * {@code model.json} + {@code model.safetensors}. Errors name the file and what is wrong.
 */
public final class RunFolder {
    private RunFolder() {}

    public static Experiment experiment(Path runDir) {
        requireDir(runDir);
        return ExperimentIO.read(runDir.resolve(RunFiles.EXPERIMENT));
    }

    /**
     * The run's data, loaded as its resolved experiment names it (an absolute path for a folder dataset), refused
     * when its content hash differs from the one in summary.json: the model would be verified on other data.
     */
    public static DataSplit data(Path runDir) {
        Experiment exp = experiment(runDir);
        DataSplit data = Datasets.load(exp.data(), runDir);
        Summary s = Summary.read(runDir);
        if (s != null && s.datasetHash() != null && !s.datasetHash().equals(data.sha256())) {
            throw new ExperimentException(runDir.resolve(RunFiles.SUMMARY) + ": field 'dataset_hash': the run was trained on data with hash "
                    + s.datasetHash() + ", but " + (s.datasetPath() == null ? s.dataset() : s.datasetPath()) + " now has hash "
                    + data.sha256() + "; refusing to use other data than the run's");
        }
        return data;
    }

    /**
     * Refuses a run whose data is still where the run recorded it but now has another content hash (reports need no
     * data, so a dataset that is gone is not an error here; {@link #data} refuses it).
     */
    public static void checkDataIfPresent(Path runDir) {
        Experiment exp = experiment(runDir);
        String name = exp.data() == null ? null : exp.data().dataset();
        if (name != null && Path.of(name).isAbsolute() && !Files.exists(Path.of(name))) return;
        data(runDir);
    }

    /** The run's model.json, read as strictly as an experiment file and validated like an experiment's network. */
    public static NetworkSpec modelSpec(Path runDir) {
        requireDir(runDir);
        Path f = runDir.resolve(RunFiles.MODEL_JSON);
        NetworkSpec spec;
        try {
            spec = ExperimentIO.MAPPER.readValue(Files.readString(f), NetworkSpec.class);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelFormatException(f + ": missing; the run did not finish (no trained model)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelFormatException(org.maqd.run.JsonErrors.notText(e, f.toString()), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModelFormatException(org.maqd.run.JsonErrors.describe(e, f.toString()), e);
        } catch (IOException e) {
            throw new ModelFormatException(f + ": cannot read: " + e.getMessage(), e);
        }
        if (spec == null) throw new ModelFormatException(f + ": expected a JSON object, found null");
        String inf = org.maqd.run.Finite.firstNonFinite(spec);
        if (inf != null) throw new ModelFormatException(f + ": field '" + inf + "; expected a finite number");
        try {
            ExperimentValidator.validateNetwork(spec, f.toString());
        } catch (ExperimentException e) {
            throw new ModelFormatException(e.getMessage().replace("field 'network.", "field '"), e);
        }
        return spec;
    }

    /** The trained network, weights and running statistics loaded, ready for EVAL-mode inference. */
    public static Network loadNetwork(Path runDir, Parallel par) {
        NetworkSpec spec = modelSpec(runDir);
        int[] input = spec.input().stream().mapToInt(Integer::intValue).toArray();
        Integer classes = spec.outputUnits();
        if (classes == null) throw new ModelFormatException(runDir.resolve(RunFiles.MODEL_JSON) + ": the network has no output layer");
        Network net = NetworkBuilder.build(spec, input, classes, par, 0L);
        Path weights = runDir.resolve(RunFiles.MODEL_WEIGHTS);
        net.loadStateDict(Safetensors.read(weights).tensors(), weights.toString());
        return net;
    }

    private static void requireDir(Path runDir) {
        if (!Files.isDirectory(runDir)) throw new ExperimentException(runDir + ": not a run folder (no such directory)");
    }
}
