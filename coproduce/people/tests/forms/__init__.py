"""Tests of the people app's forms, one module per forms module."""
