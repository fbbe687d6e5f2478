"""Structure stages: metadata, sections, tables. Each reads the Document and fills its field."""
