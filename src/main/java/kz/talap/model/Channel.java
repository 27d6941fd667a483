package kz.talap.model;

/** A way of applying for a service: the provider's office, the State Corporation, or the portal. */
public record Channel(String code, Text name, Text how, Text citation) {}
