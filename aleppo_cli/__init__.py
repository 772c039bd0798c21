"""aleppo: a terminal reader and summarizer for long-form text."""

__version__ = "0.1.0"
