/**
 * ONNX export of a trained network (the float fake-quant model in inference mode). {@link org.maqd.onnx.OnnxExport}
 * lets the network lower itself onto {@link org.maqd.onnx.OnnxLowering}, the ONNX implementation of
 * {@link org.maqd.model.Lowering} (the integer folder is the other): every layer kind picks its primitive in its own
 * class, and the primitive adds its nodes and initializers to an {@link org.maqd.onnx.OnnxGraph} through the
 * emitters of quantized blocks, norms, activation quantizers, merges and shape operations. The file is encoded
 * with protobuf-java's {@code CodedOutputStream} from the field numbers of the ONNX IR specification (OnnxProto):
 * no generated classes, so the build needs no protoc. {@link org.maqd.onnx.OnnxRunExport} adds a run's metadata
 * (input and output names, shapes, preprocessing) and writes the file atomically.
 */
package org.maqd.onnx;
