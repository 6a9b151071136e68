"""critmin.service: the command line and the SPARQL query service over a critmin dataset."""
