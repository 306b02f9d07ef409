/// The `Type:` words pg_dump writes in TOC headers (the `desc` of its archive
/// entries), from pg_dump 9.x through 17 including the large-object renames.
/// Knowing them is what lets a header whose name contains `; Type: ` be split
/// at the right place, and `ls --type` which types there are.
public enum TOCDescriptors {
    public static let all: Set<String> = [
        "ACCESS METHOD", "ACL", "AGGREGATE", "BLOB", "BLOB COMMENTS", "BLOB METADATA", "BLOBS",
        "CAST", "CHECK CONSTRAINT", "COLLATION", "COMMENT", "CONSTRAINT", "CONVERSION",
        "DATABASE", "DATABASE PROPERTIES", "DEFAULT", "DEFAULT ACL", "DOMAIN", "ENCODING",
        "EVENT TRIGGER", "EXTENSION", "FK CONSTRAINT", "FOREIGN DATA WRAPPER", "FOREIGN SERVER",
        "FOREIGN TABLE", "FUNCTION", "INDEX", "INDEX ATTACH", "LARGE OBJECT", "LARGE OBJECTS",
        "MATERIALIZED VIEW", "MATERIALIZED VIEW DATA", "OPERATOR", "OPERATOR CLASS",
        "OPERATOR FAMILY", "PG_LARGEOBJECT", "PG_LARGEOBJECT_METADATA", "POLICY", "PROCEDURAL LANGUAGE",
        "PROCEDURE", "PUBLICATION", "PUBLICATION TABLE", "PUBLICATION TABLES IN SCHEMA", "ROW SECURITY",
        "RULE", "SCHEMA", "SEARCHPATH", "SECURITY LABEL", "SEQUENCE", "SEQUENCE OWNED BY", "SEQUENCE SET",
        "SERVER", "SHELL TYPE", "STATISTICS", "STATISTICS DATA", "STDSTRINGS", "SUBSCRIPTION",
        "SUBSCRIPTION TABLE", "TABLE", "TABLE ATTACH", "TABLE DATA", "TEXT SEARCH CONFIGURATION",
        "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "TRANSFORM", "TRIGGER",
        "TYPE", "USER MAPPING", "VIEW",
    ]
}
