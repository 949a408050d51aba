package org.maqd.onnx;

import java.util.List;
import org.maqd.nn.Mode;
import org.maqd.nn.Param;
import org.maqd.quant.WeightQuantizer;
import org.maqd.tensor.Tensor;

/**
 * The weights a trained layer computes with (method.md §3–4), as an ONNX value. Quantized weights are stored as the
 * integer engine's weight integers ({@code k − (M−1)/2}, or for even M the odd integers {@code 2k − (M−1)} with the
 * step halved) in int8, followed by {@code DequantizeLinear(codes, scale)}; this is used only when every dequantized
 * value {@code (float) j · scale} equals the workbench's level {@code (float)(Δ_w·(k − (M−1)/2))} bit for bit and
 * the integers fit int8. Otherwise (M_w &gt; 128, a level that rounds differently in float, float weights) the
 * effective weights are stored as float32, which are then exactly the quantized values.
 */
final class QuantizedWeights {
    private QuantizedWeights() {}

    /** The effective weight of shape {@code dims}: the name of a DequantizeLinear output or of a float initializer. */
    static String emit(WeightQuantizer wq, Param latent, OnnxGraph g, long... dims) {
        if (wq == null) return g.floats("weight", latent.value.data, dims);
        Tensor eff = wq.forward(latent.value, Mode.EVAL);
        byte[] ints = wq.states() == 0 ? null : integers(wq, eff.data);
        if (ints == null) return g.floats("weight", eff.data.clone(), dims);
        String codes = g.int8s("weight_codes", ints, dims);
        String scale = g.scalar("weight_scale", scale(wq));
        return g.node("DequantizeLinear", "weight", List.of(codes, scale));
    }

    /** The scale of one weight integer: Δ_w, or Δ_w/2 for even M_w. */
    static float scale(WeightQuantizer wq) {
        return (float) (wq.states() % 2 == 0 ? wq.step() / 2 : wq.step());
    }

    /**
     * The weight integers of the last forward as int8, or null when they do not fit int8 or when {@code j · scale}
     * in float32 is not exactly the effective weight.
     */
    static byte[] integers(WeightQuantizer wq, float[] effective) {
        int m = wq.states();
        if (m > 128) return null;
        boolean even = m % 2 == 0;
        float scale = scale(wq);
        byte[] codes = wq.codes();
        byte[] out = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            int k = codes[i] & 0xFF;
            int j = even ? 2 * k - (m - 1) : k - (m - 1) / 2;
            if (Float.floatToRawIntBits((float) j * scale) != Float.floatToRawIntBits(effective[i])
                    && !(j == 0 && effective[i] == 0f)) {
                return null;
            }
            out[i] = (byte) j;
        }
        return out;
    }
}
