package kz.talap.model;

/** That a country belongs to a group (such as the EAEU) for a period. */
public record CountryGroupMember(String group, String country, Text citation, Validity validity) {}
