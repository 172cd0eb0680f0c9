"""crimegraph: an evidence-linked map of who is tied to what in reporting on crime and conflict."""

__version__ = "0.1.0"
