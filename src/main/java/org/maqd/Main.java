package org.maqd;
public final class Main { public static void main(String[] a) { System.out.println("maqd"); } }
