"""Tests of the project services, one module per part of a project's life."""
