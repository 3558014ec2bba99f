package de.smartcitylod.cli;
public class SmartCity { public static void main(String[] a){ System.out.println("hi " + Runtime.version()); } }
