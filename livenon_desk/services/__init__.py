"""Use cases; the only layer that opens sessions for the GUI and the command line."""
