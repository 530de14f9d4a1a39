"""Evaluation of the analysis against annotated corpora."""
