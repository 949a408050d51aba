/**
 * ONNX export of a trained network (the float fake-quant model in inference mode). {@link org.maqd.onnx.OnnxExport}
 * walks the network's layers and lets each layer's {@link org.maqd.onnx.OnnxEmitter} add its nodes and initializers
 * to an {@link org.maqd.onnx.OnnxGraph}; {@link org.maqd.onnx.OnnxEmitters} is the one table from layer classes to
 * emitters. The file is encoded with protobuf-java's {@code CodedOutputStream} from the field numbers of the ONNX IR
 * specification (OnnxProto): no generated classes, so the build needs no protoc. {@link org.maqd.onnx.OnnxRunExport}
 * adds a run's metadata (input and output names, shapes, preprocessing) and writes the file atomically.
 */
package org.maqd.onnx;
