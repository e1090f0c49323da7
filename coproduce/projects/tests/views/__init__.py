"""Tests of the project pages, one module per page or flow."""
