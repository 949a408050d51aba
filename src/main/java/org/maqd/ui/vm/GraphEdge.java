package org.maqd.ui.vm;

/**
 * A wire of the composer canvas: from a node's output to input port {@code port} of another node, labelled with
 * the tensor shape it carries. {@code insertAt} is the layer position a node dropped on the wire is inserted at.
 */
public record GraphEdge(String from, String to, int port, String shape, int insertAt) {}
