package org.maqd.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input exits with code 2 and a one-line reason naming the file and the field. */
class BadInputTest {
    @TempDir Path dir;

    String exp(String dataset, String layers) {
        return """
                {"description": "bad input", "data": {"dataset": "%s"},
                 "network": {"input": [1, 4, 4], "layers": %s},
                 "training": {"epochs": 1, "batchSize": 2}}
                """.formatted(dataset, layers);
    }

    static final String GOOD_LAYERS = "[{\"type\": \"flatten\"}, {\"type\": \"output\", \"units\": 10}]";

    record Result(int code, String err) {}

    Result run(String json) throws Exception {
        Path f = dir.resolve("exp.json");
        Files.writeString(f, json);
        StringWriter sw = new StringWriter();
        int code = MaqdCommand.execute(new PrintWriter(sw, true), "run", f.toString(), "--out", dir.resolve("run").toString());
        return new Result(code, sw.toString());
    }

    /** Writes an IDX data folder with n images of 4×4 and m labels in [0,3). */
    Path idx(String name, int images, int labels, int imageMagic, int truncateBy) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        for (String split : new String[] {"train", "t10k"}) {
            ByteBuffer im = ByteBuffer.allocate(16 + images * 16);
            im.putInt(imageMagic).putInt(images).putInt(4).putInt(4);
            for (int i = 0; i < images * 16; i++) im.put((byte) (i * 7));
            byte[] imb = im.array();
            if (split.equals("train") && truncateBy > 0) imb = java.util.Arrays.copyOf(imb, imb.length - truncateBy);
            Files.write(d.resolve(split + "-images-idx3-ubyte"), imb);
            ByteBuffer lb = ByteBuffer.allocate(8 + labels);
            lb.putInt(0x801).putInt(labels);
            for (int i = 0; i < labels; i++) lb.put((byte) (i % 3));
            Files.write(d.resolve(split + "-labels-idx1-ubyte"), lb.array());
        }
        return d;
    }

    void assertBad(Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
    }

    @Test
    void goodSmallFolderTrains() throws Exception {
        Path d = idx("ok", 6, 6, 0x803, 0);
        Result r = run(exp(d.toString(), GOOD_LAYERS));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void truncatedIdx() throws Exception {
        Path d = idx("trunc", 6, 6, 0x803, 10);
        assertBad(run(exp(d.toString(), GOOD_LAYERS)), "train-images-idx3-ubyte", "truncated");
    }

    @Test
    void wrongMagic() throws Exception {
        Path d = idx("magic", 6, 6, 0x1234, 0);
        assertBad(run(exp(d.toString(), GOOD_LAYERS)), "train-images-idx3-ubyte", "magic");
    }

    @Test
    void labelCountDiffersFromImageCount() throws Exception {
        Path d = idx("count", 6, 5, 0x803, 0);
        assertBad(run(exp(d.toString(), GOOD_LAYERS)), "labels-idx1-ubyte", "6", "5");
    }

    @Test
    void malformedJson() throws Exception {
        assertBad(run("{\"description\": \"x\", "), "exp.json", "malformed JSON");
    }

    @Test
    void unknownField() throws Exception {
        assertBad(run(exp("mnist-10k", GOOD_LAYERS).replace("\"batchSize\"", "\"batchsize\"")), "exp.json", "training.batchsize");
    }

    @Test
    void aWrongSweepBlockIsAnErrorForRunToo() throws Exception {
        String json = exp("mnist-10k", GOOD_LAYERS).replaceFirst("\\{", "{\"sweep\": {\"grid\": {\"training.batchSise\": [8, 64]}},");
        assertBad(run(json), "exp.json", "training.batchSise");
    }

    @Test
    void unknownLayerType() throws Exception {
        assertBad(run(exp("mnist-10k", "[{\"type\": \"flatten\"}, {\"type\": \"lstm\"}, {\"type\": \"output\", \"units\": 10}]")),
                "exp.json", "network.layers[1].type", "lstm");
    }

    @Test
    void impossibleShape() throws Exception {
        Path d = idx("shape", 6, 6, 0x803, 0);
        assertBad(run(exp(d.toString(), "[{\"type\": \"linear\", \"units\": 8}, {\"type\": \"output\", \"units\": 10}]")),
                "network.layers[0]", "flatten");
        assertBad(run(exp(d.toString(), "[{\"type\": \"maxpool\", \"kernel\": 8}, {\"type\": \"flatten\"}, {\"type\": \"output\", \"units\": 10}]")),
                "network.layers[0]", "does not fit");
    }

    @Test
    void inputShapeDiffersFromData() throws Exception {
        assertBad(run(exp("mnist-10k", GOOD_LAYERS)), "exp.json", "network.input", "[1, 28, 28]");
    }
}
