package kz.talap.model;

/** An interface label in three languages. */
public record Label(String code, Text text) {}
