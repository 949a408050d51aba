package org.maqd.onnx;

import java.util.List;
import org.maqd.quant.ActivationQuantizer;

/**
 * The activation quantizer Q_a (method.md §5) as standard operators:
 * {@code Mul(Clip(Round(Div(x, Δ_a)), 0, M_a − 1), Δ_a)}. ONNX {@code Round} rounds half to even, as the workbench
 * does; the workbench divides in double precision and ONNX in float32, so a value within a float32 rounding error
 * of a rounding point ({@code (k + ½)·Δ_a}) may get the neighbouring code. M_a = 0 is a {@code Relu}.
 */
final class ActivationEmitter {
    private ActivationEmitter() {}

    static OnnxValue emit(ActivationQuantizer act, OnnxValue x, OnnxGraph g) {
        if (act.states() == 0) return new OnnxValue(g.node("Relu", "relu", List.of(x.name())), x.shape());
        String step = g.scalar("step", (float) act.step());
        String scaled = g.node("Div", "scaled", List.of(x.name(), step));
        String rounded = g.node("Round", "rounded", List.of(scaled));
        String codes = g.node("Clip", "codes", List.of(rounded, g.scalar("code_min", 0f), g.scalar("code_max", act.states() - 1)));
        g.codes(codes);
        return new OnnxValue(g.node("Mul", "out", List.of(codes, step)), x.shape());
    }
}
