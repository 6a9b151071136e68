"""Plain value types and vocabulary constants that every stage of the pipeline may use."""
