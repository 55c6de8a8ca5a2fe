"""Qt screens of the desk: they lay out and wire; the work happens in services."""
