package org.maqd.onnx;

/** A trained network that cannot be written as ONNX; the message names the layer and the reason. */
public final class OnnxExportException extends RuntimeException {
    public OnnxExportException(String message) { super(message); }
}
