"""Evaluations: measure accuracy on labelled data and print tables (``newsweave eval NAME``)."""
